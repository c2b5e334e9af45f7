// Scroll behaviour of the chat browser's message list: load older at the top, newer at the bottom, and keep the
// message the reader looks at in place when messages are prepended or dropped (anchor by element, not by pixels).
const EDGE = 150;

export function attach(el, dotnet) {
  const state = { dotnet, busy: false, anchor: null, lastTop: el.scrollTop };
  el._chat = state;
  el.addEventListener("scroll", () => onScroll(el, state), { passive: true });
}

async function onScroll(el, s) {
  const goingUp = el.scrollTop < s.lastTop;
  s.lastTop = el.scrollTop;
  if (s.busy) return;
  const fromBottom = el.scrollHeight - el.scrollTop - el.clientHeight;
  if (goingUp && el.scrollTop < EDGE && el.dataset.hasOlder === "true") {
    await load(el, s, "LoadOlder");
  } else if (!goingUp && fromBottom < EDGE) {
    if (el.dataset.hasNewer === "true") await load(el, s, "LoadNewer");
    else if (el.dataset.unseen !== "0") await s.dotnet.invokeMethodAsync("AtBottom");
  }
}

async function load(el, s, method) {
  s.busy = true;
  capture(el);
  try { await s.dotnet.invokeMethodAsync(method); } finally { s.busy = false; }
}

/** Remembers the first message in view and how far from the top it is. */
export function capture(el) {
  const s = el._chat;
  if (!s) return;
  const top = el.scrollTop;
  for (const m of el.querySelectorAll("[data-message-id]")) {
    if (m.offsetTop + m.offsetHeight > top) {
      s.anchor = { id: m.dataset.messageId, offset: m.offsetTop - top };
      return;
    }
  }
  s.anchor = null;
}

/** Puts the remembered message back where it was (after Blazor rendered the new window). */
export function restore(el) {
  const s = el._chat;
  if (!s || !s.anchor) return;
  const m = el.querySelector(`[data-message-id="${CSS.escape(s.anchor.id)}"]`);
  if (m) el.scrollTop = m.offsetTop - s.anchor.offset;
  s.anchor = null;
  s.lastTop = el.scrollTop;
}

export function scrollToBottom(el) {
  el.scrollTop = el.scrollHeight;
  if (el._chat) el._chat.lastTop = el.scrollTop;
}

export function isNearBottom(el) {
  return el.scrollHeight - el.scrollTop - el.clientHeight < 80;
}

export function scrollToMessage(el, id) {
  const m = el.querySelector(`[data-message-id="${CSS.escape(id)}"]`);
  if (!m) return;
  el.scrollTop = Math.max(0, m.offsetTop - el.clientHeight / 3);
  if (el._chat) el._chat.lastTop = el.scrollTop;
}
