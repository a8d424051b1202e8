/*
 * Kennisbank: the search results page. Queries the Pagefind index of the site (built by
 * `kennisbank build`) and shows each result's title, section and an excerpt with the match
 * marked. Browsers block the index from file://, so there it explains instead.
 */
(function () {
  'use strict';

  var script = document.currentScript;
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

  status.textContent = 'Bezig met zoeken…';
  import(new URL('pagefind/pagefind.js', root).href).then(function (pagefind) {
    return pagefind.options({ baseUrl: root.pathname }).then(function () {
      return pagefind.search(query);
    }).then(function (search) {
      return Promise.all(search.results.slice(0, 20).map(function (result) { return result.data(); }));
    });
  }).then(function (results) {
    list.textContent = '';
    status.textContent = results.length === 0
      ? 'Geen resultaten voor "' + query + '".'
      : results.length + (results.length === 1 ? ' resultaat' : ' resultaten') + ' voor "' + query + '".';
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
    status.textContent = 'Zoeken lukt nu niet. Gebruik het menu om pagina\'s te vinden.';
  });
}());
