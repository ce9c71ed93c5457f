/** Curators' edits of a report's metadata, as the server reads and writes them (kept where reconcile reads them too). */
export { applyMetaEdit, EDITABLE, META_EDITS_SET, metaEdits, putMetaEdit } from '../pipeline/run/meta-edits.js';
export type { EditableField, MetaEdit } from '../pipeline/run/meta-edits.js';
