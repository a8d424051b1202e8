/*
 * Kennisbank: the search results page. Queries the Pagefind index of the site (built by
 * `kennisbank build`) and shows each result's title, section and an excerpt with the match
 * marked. Browsers block the index from file://, so there it explains instead. Its words come
 * from the strings file of the site's language, as data attributes of its <script> element
 * (`search.searching`, `search.noResults`, `search.results`, `search.failed`).
 */
(function () {
  'use strict';

  var script = document.currentScript;
  /** The text of the data attribute `name`, with its {query} and {count} filled in. */
  function searchWord(name, values) {
    return (script.getAttribute('data-' + name) || '').replace(/\{(\w+)\}/g, function (match, key) {
      return values && key in values ? String(values[key]) : match;
    });
  }
  var root = new URL(script.getAttribute('data-root') || './', window.location.href);
  var status = document.getElementById('kb-zoekstatus');
  var list = document.getElementById('kb-resultaten');
  var input = document.getElementById('kb-zoekterm');
  var query = new URLSearchParams(window.location.search).get('q') || '';
  input.value = query;

  if (window.location.protocol === 'file:') {
    document.getElementById('kb-zoeken-map').hidden = false;
    return;
  }
  if (!query.trim()) { return; }

  status.textContent = searchWord('searching');
  import(new URL('pagefind/pagefind.js', root).href).then(function (pagefind) {
    return pagefind.options({ baseUrl: root.pathname }).then(function () {
      return pagefind.search(query);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (result) { return result.data(); }));
    });
  }).then(function (results) {
    list.textContent = '';
    status.textContent = searchWord(results.length === 0 ? 'no-results' : results.length === 1 ? 'result' : 'results',
      { query: query, count: results.length });
    results.forEach(function (data) {
      var item = document.createElement('li');
      var link = document.createElement('a');
      link.href = data.url;
      link.textContent = (data.meta && data.meta.title) || data.url;
      var heading = document.createElement('h2');
      heading.appendChild(link);
      item.appendChild(heading);
      if (data.meta && data.meta.section) {
        var section = document.createElement('p');
        section.className = 'search-section';
        section.textContent = data.meta.section;
        item.appendChild(section);
      }
      var excerpt = document.createElement('p');
      excerpt.className = 'search-excerpt';
      // Pagefind escapes the page text and marks the match with <mark>.
      excerpt.innerHTML = data.excerpt;
      item.appendChild(excerpt);
      list.appendChild(item);
    });
  }).catch(function () {
    status.textContent = searchWord('failed');
  });
}());
