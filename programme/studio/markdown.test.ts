import { describe, expect, it } from 'vitest'
import { draftMarkdownHtml } from './markdown.ts'

describe('draftMarkdownHtml', () => {
  it('renders Markdown', () => {
    expect(draftMarkdownHtml('**Take a breath**')).toContain('<strong>Take a breath</strong>')
  })

  it('shows raw HTML in a draft as text, never as markup', () => {
    const html = draftMarkdownHtml('Hello <img src=x onerror="alert(1)">\n\n<script>alert(2)</script>')
    expect(html).not.toMatch(/<img|<script/i)
    expect(html).toContain('&lt;script&gt;')
  })
})
