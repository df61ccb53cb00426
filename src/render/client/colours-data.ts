// Where a large page keeps its examples' colours: one element after the codes (see
// pageColours() in ../highlight.ts). Its presence is also what marks a large page for the
// scripts that paint a section, and name its buttons, only when it is shown.

/** The id of the `<script type="application/json">` that holds the colours. */
export const COLOURS_ID = 'ec-colours';

/** A page whose sections are painted when shown (a small one is built painted). */
export function paintsWhenShown(doc: Document): boolean {
  return doc.getElementById(COLOURS_ID) !== null;
}
