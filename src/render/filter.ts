// Filter logic shared by the client script and the unit tests: which codes a status and
// category selection shows, which category headings stay, and the live-region text.
export interface FilterItem {
  code: string;
  statuses: string[];
  category: string;
}

export interface FilterState {
  status: string; // '' = all
  category: string; // '' = all
}

export const NO_FILTER: FilterState = { status: '', category: '' };

export function isActive(state: FilterState): boolean {
  return state.status !== '' || state.category !== '';
}

export function matches(item: FilterItem, state: FilterState): boolean {
  return (state.status === '' || item.statuses.includes(state.status)) && (state.category === '' || item.category === state.category);
}

export function applyFilter(items: FilterItem[], state: FilterState): { visible: Set<string>; categories: Set<string> } {
  const visible = new Set<string>();
  const categories = new Set<string>();
  for (const item of items) {
    if (matches(item, state)) {
      visible.add(item.code);
      categories.add(item.category);
    }
  }
  return { visible, categories };
}

export function summaryText(shown: number, total: number): string {
  return shown === total ? `All ${total} codes shown` : `${shown} of ${total} codes shown`;
}

/** The filter as a query string: `?status=404&category=auth`, or '' when nothing is filtered. */
export function filterQuery(state: FilterState): string {
  const q = new URLSearchParams();
  if (state.status) q.set('status', state.status);
  if (state.category) q.set('category', state.category);
  const text = q.toString();
  return text ? `?${text}` : '';
}

export function filterFromQuery(search: string): FilterState {
  const q = new URLSearchParams(search);
  return { status: q.get('status') ?? '', category: q.get('category') ?? '' };
}
