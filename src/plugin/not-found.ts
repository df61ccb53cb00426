// Code suggestions for a missing plain code URL, without taking over the site's 404 page.
// A static host answers every unknown path with the site's one 404.html, so the plugin adds
// this small script to that page (through the route middleware, src/plugin/middleware.ts):
// under the errors page, /concepts/errors/turn_not_fund/ goes on to
// /concepts/errors/#turn_not_fund, where the page's unknown-anchor notice suggests the
// closest codes and offers search, as a known code's plain URL goes on to its heading.
// Any other path is left to the site's 404 page. Plain JavaScript: it runs inline, before
// the page is drawn.

/** The inline script for the 404 page of a site whose errors page is at `pageHref` (`/concepts/errors/`). */
export function notFoundScript(pageHref: string): string {
  // JSON.stringify, and no `<` left for the HTML parser to end the script on.
  const page = JSON.stringify(pageHref).replace(/</g, '\\u003c');
  return `(function (page) {
  var path = location.pathname;
  if (path.slice(0, page.length) !== page) return;
  var code = path.slice(page.length).replace(/\\/+$/, '');
  if (code && code.indexOf('/') < 0) location.replace(page + '#' + code);
})(${page});`;
}
