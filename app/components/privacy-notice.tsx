// What Foothold stores and who can see it, in plain words. Keep it true as features are added.
export function PrivacyNotice() {
  return (
    <>
      <h2>What we store</h2>
      <ul>
        <li>Your username and a scrambled (hashed) copy of your passphrase. We cannot read your passphrase.</li>
        <li>When you signed in, so we can keep you signed in and sign you out when you stop using Foothold.</li>
        <li>What you choose to tell Foothold as you use it: your answers, activities, logs and goals.</li>
      </ul>
      <p>We never ask for your name, email, phone number or address.</p>
      <h2>Who can see it</h2>
      <ul>
        <li>Only you.</li>
        <li>
          A worker at your service sees your progress only if you give them a share code, and only the parts you choose.
          You can stop sharing at any time.
        </li>
        <li>The people who run this Foothold service can reach the database to keep it working and backed up.</li>
      </ul>
      <h2>What we never do</h2>
      <ul>
        <li>No adverts, no tracking, no analytics. Foothold does not load anything from other websites.</li>
        <li>We never sell or pass on your data.</li>
      </ul>
    </>
  )
}
