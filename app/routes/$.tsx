// Any unknown address: a calm 404 inside the normal page shell.
export function loader() {
  throw new Response('Not found', { status: 404 })
}

export default function NotFound() {
  return null
}
