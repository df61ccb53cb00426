// Starlight's pages ask for /favicon.svg; a site without one of its own gets this mark
// (an exclamation point in a rounded square) instead of a 404 on every page.
export function GET(): Response {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3b3fd1"/><path d="M16 7v12" stroke="#fff" stroke-width="4" stroke-linecap="round"/><circle cx="16" cy="25" r="2.4" fill="#fff"/></svg>\n`;
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
}
