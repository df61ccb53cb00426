// The 404 page's guess: under the errors page's path, the one path segment after it is
// taken for a code (/concepts/errors/turn_not_fund/ -> "turn_not_fund").
export function codeFromPath(pathname: string, pageHref: string): string {
  if (!pathname.startsWith(pageHref)) return '';
  const rest = pathname.slice(pageHref.length).replace(/\/+$/, '');
  if (!rest || rest.includes('/')) return '';
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
