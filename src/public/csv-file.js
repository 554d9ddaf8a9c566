// Indicator import: lets a curator pick a CSV file instead of pasting it. The file is read in the
// browser into the text field, which the form sends as before; without JavaScript the field stays.
const box = document.querySelector('[data-csv-file]');
const input = box?.querySelector('input[type="file"]');
const field = document.querySelector('textarea[name="csv"]');
const status = box?.querySelector('[data-csv-file-status]');
if (box && input && field && status) {
  box.hidden = false;
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    field.value = await file.text();
    const lines = field.value.split(/\r?\n/).filter((l) => l.trim() !== '').length;
    status.textContent = (box.dataset.readMessage ?? '')
      .replace('{name}', file.name)
      .replace('{lines}', String(lines));
  });
}
