/*
 * Kennisbank: the page where the facilitator starts a session (sessie-starten.html). It gets
 * the format and its words as data (kb-fill-data.js).
 */
(function () {
  'use strict';

  var root = document.getElementById('kb-session-start');
  var data = window.Kennisbank && window.Kennisbank.fillData();
  if (!root || !data) { return; }
}());
