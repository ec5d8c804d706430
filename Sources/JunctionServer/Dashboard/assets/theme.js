// Runs before paint (classic script, no secrets): apply the stored theme choice.
// localStorage holds only 'junction-theme' = 'light' | 'dark' (absent = follow the system).
(function () {
  var t = null;
  try { t = localStorage.getItem('junction-theme'); } catch (e) { /* storage blocked */ }
  if (t === 'light' || t === 'dark') document.documentElement.setAttribute('data-theme', t);
})();
