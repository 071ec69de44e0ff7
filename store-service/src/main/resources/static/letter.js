// Links the side panel to the highlights: clicking a fact scrolls its evidence into view and marks it; clicking a
// highlight marks its fact in the panel. No framework: the page works without this, only less conveniently.
(function () {
  function highlightsOf(factId) {
    return Array.from(document.querySelectorAll('[data-facts]'))
      .filter(function (span) { return span.dataset.facts.split(' ').indexOf(factId) >= 0; });
  }

  function activate(factId) {
    document.querySelectorAll('.active').forEach(function (el) { el.classList.remove('active'); });
    var panelEntry = document.querySelector('[data-fact="' + factId + '"]');
    if (panelEntry) {
      panelEntry.classList.add('active');
    }
    var highlights = highlightsOf(factId);
    highlights.forEach(function (span) { span.classList.add('active'); });
    return highlights;
  }

  document.querySelectorAll('[data-fact]').forEach(function (entry) {
    entry.addEventListener('click', function (event) {
      event.preventDefault();
      var highlights = activate(entry.dataset.fact);
      if (highlights.length > 0) {
        highlights[0].scrollIntoView({behavior: 'smooth', block: 'center'});
      }
    });
  });

  document.querySelectorAll('[data-facts]').forEach(function (span) {
    span.addEventListener('click', function () {
      var factId = span.dataset.facts.split(' ')[0];
      activate(factId);
      var panelEntry = document.querySelector('[data-fact="' + factId + '"]');
      if (panelEntry) {
        panelEntry.scrollIntoView({behavior: 'smooth', block: 'nearest'});
      }
    });
  });
})();
