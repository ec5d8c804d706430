// The theme button: cycles System → Light → Dark, stored in localStorage (the only thing stored there).
const KEY = 'junction-theme';
const ORDER = ['system', 'light', 'dark'];

function current() {
  try { return localStorage.getItem(KEY) || 'system'; } catch { return 'system'; }
}

function apply(choice, button) {
  const root = document.documentElement;
  if (choice === 'system') root.removeAttribute('data-theme');
  else root.setAttribute('data-theme', choice);
  if (button) {
    const name = choice[0].toUpperCase() + choice.slice(1);
    button.textContent = `Theme: ${name}`;
    button.setAttribute('aria-label', `Colour theme: ${name}. Activate to change.`);
  }
}

export function setupThemeToggle(button) {
  if (!button) return;
  apply(current(), button);
  button.addEventListener('click', () => {
    const next = ORDER[(ORDER.indexOf(current()) + 1) % ORDER.length];
    try {
      if (next === 'system') localStorage.removeItem(KEY); else localStorage.setItem(KEY, next);
    } catch { /* ignore */ }
    apply(next, button);
  });
}
