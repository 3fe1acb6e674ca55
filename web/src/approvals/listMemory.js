// The query a catalogue list was last left with, per list ('guide', 'approvals'), so that
// "back to the list" from an item finds the search, category and page as they were.
const remembered = new Map();

export function rememberListQuery(list, query) {
  remembered.set(list, { ...(query ?? {}) });
}

export function listQuery(list, fallback = {}) {
  return remembered.has(list) ? { ...remembered.get(list) } : { ...fallback };
}
