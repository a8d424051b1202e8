/*
 * Kennisbank: the page where the facilitator bundles the preparation files (bundelen.html). It gets
 * the format and its words as data (kb-fill-data.js).
 */
(function () {
  'use strict';

  var root = document.getElementById('kb-bundle');
  var data = window.Kennisbank && window.Kennisbank.fillData();
  if (!root || !data) { return; }
}());
