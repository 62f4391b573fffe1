// With JavaScript, a file chooser that reads a pack file into the text box on the device; the
// form still posts the text as every other form does. Without JavaScript it is not shown.
import { useEffect, useState } from 'react'

export function PackFilePicker({ target }: { target: string }) {
  const [ready, setReady] = useState(false)
  useEffect(() => setReady(true), [])
  if (!ready) return null
  return (
    <div className="field">
      <label htmlFor="pack-file">Or choose a pack file</label>
      <input
        id="pack-file"
        type="file"
        accept=".yaml,.yml,text/yaml,application/yaml"
        onChange={async (event) => {
          const file = event.currentTarget.files?.[0]
          const box = document.getElementById(target) as HTMLTextAreaElement | null
          if (file && box) box.value = await file.text()
        }}
      />
    </div>
  )
}
