// A worksheet as a printable page: the same model the PDFs are drawn from. Empty answers get
// writing space, so a blank page can be printed and filled in by hand.
import type { WorksheetModel } from '#programme/engine/index.ts'

export function WorksheetView({ model }: { model: WorksheetModel }) {
  return (
    <article className="worksheet">
      <p className="worksheet-brand">Foothold · {model.moduleTitle}</p>
      <h1>{model.title}</h1>
      <p>{model.intro}</p>
      {model.parts.map((part) => {
        if (part.kind === 'table') {
          return (
            <table key={part.id}>
              <caption>
                {part.label}
                {part.hint ? <span className="hint"> {part.hint}</span> : null}
              </caption>
              <thead>
                <tr>
                  {part.columns.map((c) => (
                    <th key={c.id} scope="col">
                      {c.label}
                      {c.scale ? ` (${c.scale})` : ''}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {part.rows.map((row) => (
                  <tr key={row.number}>
                    {row.cells.map((cell) => (
                      <td
                        key={cell.columnId}
                        className={cell.value ? undefined : 'write-here'}
                        data-label={part.columns.find((c) => c.id === cell.columnId)?.label}
                      >
                        {cell.value ?? ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
        return (
          <section key={part.id} className="worksheet-part">
            <h2>{part.label}</h2>
            {part.hint ? <p className="hint">{part.hint}</p> : null}
            {part.kind === 'rating' ? (
              <p className="hint">
                {part.scale}
                {part.minLabel ? `: 0 = ${part.minLabel}` : ''}
                {part.maxLabel ? `, 10 = ${part.maxLabel}` : ''}
              </p>
            ) : null}
            {part.value ? (
              <p className="worksheet-answer">{part.value}</p>
            ) : (
              <div className={`write-here write-${part.kind}`} aria-label="Space to write" role="img" />
            )}
          </section>
        )
      })}
    </article>
  )
}
