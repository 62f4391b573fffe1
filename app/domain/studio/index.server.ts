// The clinician studio's server API (issue 14, ADR 0019). Routes import from here.
//
// Content in two layers: the base edition (programme/content/) and the service's versions in the
// database (db/schema/studio.ts). Published programme = base + published service versions.
//
// Guards (guards.server.ts)
//   requireStudioReader(request)   clinician or admin (every studio page's loader)
//   requireStudioAuthor(request)   clinician only (every action that changes content)
//   requireStudioAdmin(request)    admin only (instrument switch)
//   canAuthor(actor), canRead(actor); type Actor = { id, username, role }
//
// Published content (content.server.ts), read from the database on every call
//   publishedModule(id) → ModuleDefinition | undefined     what a new start gets (modules domain uses it)
//   publishedModules() → Record<id, ModuleDefinition>      base order, then the service's new modules
//   publishedExercises(), publishedInstruments()
//   publishedDocument(kind, id) → { document, layer: 'base'|'service', versionId, number, hash } | null
//   baseDocument(kind, id), baseIds(kind), documentHash(doc), validationContext(kind, id)
//   newDocument('module'|'exercise', itemId, title)   a first document for a new item
//   publishedText(kind) → the life areas' words, the pick lists, the self-harm phrases or the help
//       page's texts as published ('life-areas'|'pick-lists'|'safety-phrases'|'help'; ADR 0025, H-047)
//   programmeWithPublishedAreas() → the programme with the published life-area words
//
// Workflow (workflow.server.ts): every function returns { ok: true, … } or
//   { ok: false, status: 400|403|404|409, message, issues? } and writes an audit row.
//   createDraft(actor, { kind, itemId, document? }) → { versionId, number }
//       from what is published (base or service), or a new item from `document`
//   saveDraft(actor, versionId, { document } | { yaml }) → { valid, issues, hash, changed }
//       author only; saves even when invalid (YAML that does not parse is kept in `source`)
//   submitForReview(actor, versionId, changeNote)        author only; refused with issues if invalid
//   review(actor, versionId, { decision: 'approve'|'request-changes', comments: [{ stepId?, body }] })
//       any clinician but the author (403 for the author)
//   publish(actor, versionId)                            approved only; author or reviewer; re-validated
//   rollBack(actor, { kind, itemId, toVersionId | 'base' }) → { versionId } a new draft, reviewed as usual
//   unpublish(actor, { kind, itemId, note? })            back to the base edition
//   checkDraft(kind, itemId, { document } | { yaml }, ctx), validateVersion(row)
//
// Reading (library.server.ts)
//   library(kind?) → LibraryItem[]   { kind, itemId, title, layer, publishedNumber, open, lastChange, clients }
//   itemHistory(kind, id) → { base, versions (newest first), live }
//   versionDetail(versionId) → version + document + source + comments + issues + published (for the diff)
//   awaitingReview(reviewerId), auditLog({ kind?, itemId?, limit? })
//
// Packs (packs.server.ts)
//   exportPack({ edition: 'service'|'base', items? }) → { fileName, yaml, manifest }
//   importPack(actor, yamlText) → { ok, items: per-item report, created } all or nothing
//
// Outcomes (outcomes.server.ts)
//   programmeOutcomes() → per module: starts, completions, medianDays, scoreChanges (did / did not),
//   each a Figure: { suppressed: true } ("fewer than 5") or { suppressed: false, value }
//
// Instruments (instruments.server.ts)
//   setInstrumentEnabled(admin, instrumentId, enabled, { acknowledgeSafety? }), disabledInstruments(at?),
//   instrumentStates() → { id, title, kind, enabled, safetyRules } (warn before switching off PHQ-9/AUDIT)
//
// Exercise parts (exercise-parts.server.ts)
//   usedPartIds(exerciseId) → every part id of the base edition's exercise and of its versions: a
//   part the editor adds never takes one (H-049; applyPartIntent in programme/studio/exercise-form.ts)
//
// Privacy export (export.server.ts)
//   exportStudio(userId) → a member of staff's versions, comments, audit rows and instrument switches
//
// The validator itself is pure and lives in programme/engine/validate-document.ts
// (validateDocument, validateYamlDocument, DocumentIssue { rule, severity, message, path, at, line? }).
export * from './content.server.ts'
export * from './exercise-parts.server.ts'
export * from './guards.server.ts'
export * from './instruments.server.ts'
export * from './library.server.ts'
export * from './outcomes.server.ts'
export * from './packs.server.ts'
export * from './workflow.server.ts'
