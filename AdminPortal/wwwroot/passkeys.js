// Passkeys (WebAuthn) for the account pages. A form marked data-passkey="create" (add a passkey) or "get" (sign in
// with one) is not sent as it is: its submit asks the server for the ceremony's options (a POST with the form's
// antiforgery token), lets the browser make or use the passkey, puts the result in the form's hidden "Credential"
// field and sends the form. A static module (the Content-Security-Policy allows no inline script); one listener on the
// document, so it also serves forms that enhanced navigation brings in later.
const optionsUrl = { create: '/account/passkey/creation-options', get: '/account/passkey/request-options' };

const supported = () => typeof window.PublicKeyCredential === 'function'
    && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function'
    && typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function';

async function fetchOptions(form, kind) {
    const body = new FormData();
    const token = form.querySelector('input[name="__RequestVerificationToken"]');
    if (token) body.append(token.name, token.value);
    body.append('purpose', kind);
    const response = await fetch(optionsUrl[kind], { method: 'POST', body, credentials: 'same-origin' });
    if (!response.ok) throw new Error(`The server could not start the passkey (${response.status}). Reload the page and try again.`);
    return response.json();
}

async function ceremony(form, kind) {
    const json = await fetchOptions(form, kind);
    return kind === 'create'
        ? navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(json) })
        : navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(json) });
}

function showError(form, message) {
    const error = form.querySelector('[data-passkey-error]');
    if (!error) return;
    error.textContent = message;
    error.hidden = false;
}

async function run(form) {
    const kind = form.dataset.passkey;
    const button = form.querySelector('button[type="submit"]');
    if (button) button.disabled = true;
    try {
        if (!supported()) throw new Error('This browser cannot use passkeys. Use another sign-in method.');
        const credential = await ceremony(form, kind);
        form.querySelector('input[name="Credential"]').value = JSON.stringify(credential);
        form.submit();
    } catch (e) {
        showError(form, e && e.name === 'NotAllowedError'
            ? 'No passkey was used (cancelled or timed out). Try again.'
            : e && e.name === 'InvalidStateError' ? 'This device already holds a passkey for your account.'
            : (e && e.message) || 'The passkey did not work.');
        if (button) button.disabled = false;
    }
}

document.addEventListener('submit', event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !(form.dataset.passkey in optionsUrl)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    run(form);
}, true);
