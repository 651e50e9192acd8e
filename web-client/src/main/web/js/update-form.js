// The update form: POSTs {uuid, data} to the backend and shows its answer or its error.
import { byId, newUuid, pretty } from './dom.js';

export function setUpUpdateForm(updatePath) {
  const form = byId('update-form');
  const uuidInput = byId('update-uuid');
  const dataInput = byId('update-data');
  const submit = byId('update-submit');
  const result = byId('update-result');

  const show = (outcome, text) => {
    result.hidden = false;
    result.dataset.outcome = outcome;
    result.className = `result ${outcome}`;
    result.textContent = text;
  };

  byId('new-update-uuid').addEventListener('click', () => {
    uuidInput.value = newUuid();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    let data;
    try {
      data = JSON.parse(dataInput.value);
    } catch (error) {
      show('error', `data is not valid JSON: ${error.message}`);
      return;
    }
    const body = { data };
    const uuid = uuidInput.value.trim();
    if (uuid !== '') body.uuid = uuid;

    submit.disabled = true;
    try {
      const response = await fetch(updatePath, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      const answer = await response.json().catch(() => null);
      if (response.ok && answer) {
        uuidInput.value = answer.uuid;
        show('ok', `${response.status} ${answer.created ? 'created' : 'updated'} ${answer.uuid}\n${pretty(answer)}`);
      } else {
        const reason = answer && answer.error ? answer.error : response.statusText;
        show('error', `${response.status}: ${reason}`);
      }
    } catch (error) {
      show('error', `the backend could not be reached (${error.message})`);
    } finally {
      submit.disabled = false;
    }
  });

  /** Puts a room's UUID into the form, so the next update goes to that room. */
  return (uuid) => {
    uuidInput.value = uuid;
    dataInput.focus();
  };
}
