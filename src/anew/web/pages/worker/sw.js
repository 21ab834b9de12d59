// Anew's service worker. self.ANEW (settings, put in front of this file by /sw.js) names the
// public shell to keep, the offline page, the two API answers kept for reading offline and the
// forms that can be written offline.
//
// What it never keeps: a signed-in page (navigations always go to the network; offline they get
// the offline page), or her words: the Today and path answers are kept with the day's card and
// her habits' titles only, and not at all in safety mode. Writes queued offline wait in
// IndexedDB until a signed-in page of the same account, back online, hands over its CSRF token;
// each carries an Idempotency-Key, so sending one twice stores it once.
"use strict";

var SETTINGS = self.ANEW;
var SHELL = "anew-shell-" + SETTINGS.version;
var DATA = "anew-data";
var DB_NAME = "anew-offline";
var SAVED_AT = "X-Anew-Saved-At";
var ACCOUNT = "X-Anew-Account";
var REFRESH_AFTER_MS = 5 * 60 * 1000;
var sending = Promise.resolve();
var lined = Promise.resolve();
var lastAsked = {};  // when each kept answer was last fetched, while this worker runs

// What reads or changes who is here, safety mode or the kept copies runs one at a time, in the
// order it was asked for: a copy fetched before safety mode came on can't land after it.
function inLine(work) {
  var turn = lined.then(work);
  lined = turn.catch(function () { return undefined; });
  return turn;
}

// IndexedDB: "state" holds who is signed in here and whether safety mode is on; "queue" the
// writes waiting to be sent. A connection is opened per use and closed, so that deleting the
// database (logging out, the quick exit) is never held up.
function withStore(name, mode, work) {
  return new Promise(function (resolve, reject) {
    var opening = indexedDB.open(DB_NAME, 1);
    opening.onupgradeneeded = function () {
      opening.result.createObjectStore("state");
      opening.result.createObjectStore("queue", { keyPath: "key" });
    };
    opening.onerror = function () { reject(opening.error); };
    opening.onsuccess = function () {
      var db = opening.result;
      var tx = db.transaction(name, mode);
      var result;
      Promise.resolve(work(tx.objectStore(name))).then(function (value) { result = value; });
      tx.oncomplete = function () { db.close(); resolve(result); };
      tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
    };
  });
}

function asked(request) {
  return new Promise(function (resolve, reject) {
    request.onsuccess = function () { resolve(request.result); };
    request.onerror = function () { reject(request.error); };
  });
}

function readState() {
  return withStore("state", "readonly", function (store) {
    return asked(store.get("device"));
  }).then(function (state) { return state || { account: "", safety: false }; });
}

function writeState(state) {
  return withStore("state", "readwrite", function (store) { store.put(state, "device"); });
}

function queued() {
  return withStore("queue", "readonly", function (store) { return asked(store.getAll()); });
}

function localDay() {
  var now = new Date();
  var pad = function (n) { return (n < 10 ? "0" : "") + n; };
  return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
}

function queueWrite(action, path, fields) {
  return readState().then(function (state) {
    if (!state.account || state.safety) {
      return false;  // nobody signed in here, or safety mode: nothing of hers stays on the device
    }
    var kept = fields.filter(function (pair) { return pair[0] !== "csrf_token"; });
    if (action === "checkin" && !kept.some(function (pair) { return pair[0] === "day"; })) {
      kept.push(["day", localDay()]);  // the day she wrote it, whenever it is sent
    }
    var item = { key: self.crypto.randomUUID(), action: action, path: path, fields: kept,
      account: state.account };
    return withStore("queue", "readwrite", function (store) { store.put(item); }).then(function () {
      return true;
    });
  });
}

function sentRight(response, item) {
  if (!response.ok || !response.redirected) {
    return false;
  }
  var landed = new URL(response.url);
  return landed.pathname === SETTINGS.sentTo && landed.searchParams.get("done") === item.action;
}

function sendOne(item, token) {
  var body = new URLSearchParams(item.fields);
  body.set("csrf_token", token);
  return fetch(item.path, {
    method: "POST",
    body: body,
    credentials: "same-origin",
    headers: { "Idempotency-Key": item.key },
  }).then(function (response) {
    if (!sentRight(response, item)) {
      return false;  // signed out, an old token, a refusal: it waits for the next chance
    }
    return withStore("queue", "readwrite", function (store) { store.delete(item.key); })
      .then(function () { return true; });
  }, function () { return false; });  // still no connection
}

function sendQueued(account, token) {
  sending = sending.then(function () {
    return queued().then(function (items) {
      var mine = items.filter(function (item) { return item.account === account; });
      return mine.reduce(function (chain, item) {
        return chain.then(function (count) {
          return sendOne(item, token).then(function (sent) { return count + (sent ? 1 : 0); });
        });
      }, Promise.resolve(0));
    });
  }).then(function (count) {
    if (count) {
      return self.clients.matchAll({ type: "window" }).then(function (windows) {
        windows.forEach(function (client) { client.postMessage({ type: "sent", count: count }); });
      });
    }
    return undefined;
  }, function () { return undefined; });
  return sending;
}

// Only what the offline page shows is kept: the day count, the day's card, her habits' titles,
// the milestone. A check-in's note, a journal answer, the vault message that came back
// (looking_back) or anything else the answer may carry is left out, whatever the server sends.
function pick(source, names) {
  var kept = {};
  names.forEach(function (name) {
    if (source && Object.prototype.hasOwnProperty.call(source, name)) {
      kept[name] = source[name];
    }
  });
  return kept;
}

function cardOnly(card) {
  return pick(card, ["day", "title", "read", "do", "ask"]);
}

function plainOnly(value) {
  if (value === null || typeof value !== "object") {
    return value;
  }
  var kept = {};
  Object.keys(value).forEach(function (name) {
    if (typeof value[name] !== "object") {
      kept[name] = value[name];
    }
  });
  return kept;
}

function withoutHerWords(path, answer) {
  if (path === "/api/v1/today") {
    var today = pick(answer, ["day", "stage", "days_left"]);
    today.card = answer.card ? cardOnly(answer.card) : null;
    today.checked_in = Boolean(answer.checkin);
    today.habits = (answer.habits || []).map(function (habit) {
      return pick(habit, ["id", "title", "done_today"]);
    });
    today.milestone = plainOnly(answer.milestone === undefined ? null : answer.milestone);
    return today;
  }
  var cards = Array.isArray(answer) ? answer : answer.cards || [];
  return cards.map(cardOnly);
}

function keepCopy(path, response) {
  return inLine(function () { return keepCopyNow(path, response); });
}

function keepCopyNow(path, response) {
  return readState().then(function (state) {
    if (!state.account || state.safety) {
      return undefined;
    }
    return response.json().then(function (answer) {
      var headers = { "Content-Type": "application/json" };
      headers[SAVED_AT] = String(Date.now());
      headers[ACCOUNT] = state.account;
      var copy = new Response(JSON.stringify(withoutHerWords(path, answer)), { headers: headers });
      return caches.open(DATA).then(function (cache) { return cache.put(path, copy); });
    });
  }).catch(function () { return undefined; });
}

function keptCopy(path) {
  return readState().then(function (state) {
    // caches.match with a cacheName reads without making the cache: a look finds nothing, and
    // leaves nothing behind after a quick exit.
    return caches.match(path, { cacheName: DATA }).then(function (hit) {
      if (!hit || !state.account || state.safety || hit.headers.get(ACCOUNT) !== state.account) {
        return null;
      }
      return hit;
    });
  });
}

function networkFirst(request, path) {
  return fetch(request).then(function (response) {
    if (response.ok) {
      keepCopy(path, response.clone());
    }
    return response;
  }, function () {
    return keptCopy(path).then(function (hit) {
      return hit || new Response(JSON.stringify({ detail: "You're offline, and no copy is kept." }),
        { status: 503, headers: { "Content-Type": "application/json" } });
    });
  });
}

function refreshCopies(state) {
  return Promise.all(SETTINGS.dataRoutes.map(function (path) {
    return caches.match(path, { cacheName: DATA }).then(function (hit) {
      var fresh = hit && hit.headers.get(ACCOUNT) === state.account &&
        Date.now() - Number(hit.headers.get(SAVED_AT)) < REFRESH_AFTER_MS;
      var askedLately = Date.now() - (lastAsked[state.account + path] || 0) < REFRESH_AFTER_MS;
      if (fresh || askedLately) {
        return undefined;  // kept lately, or asked a moment ago: not on every page she opens
      }
      lastAsked[state.account + path] = Date.now();
      return fetch(path, { credentials: "same-origin" }).then(function (response) {
        return response.ok ? keepCopyNow(path, response) : undefined;
      }, function () { return undefined; });
    });
  }));
}

function keepShell() {
  return caches.has(SHELL).then(function (kept) {
    return kept ? undefined : caches.open(SHELL).then(function (cache) {
      return cache.addAll(SETTINGS.shell);
    });
  });
}

function forget(unregister) {
  return caches.keys().then(function (names) {
    return Promise.all(names.map(function (name) { return caches.delete(name); }));
  }).then(function () {
    return asked(indexedDB.deleteDatabase(DB_NAME)).catch(function () { return undefined; });
  }).then(function () {
    return unregister ? self.registration.unregister() : undefined;
  });
}

// A signed-in page says who she is (an opaque tag) and whether safety mode is on; a visitor's
// page says nobody. Safety mode, or another account, drops every kept answer at once.
function pageOpened(message) {
  var state = { account: message.account || "", safety: Boolean(message.safety) };
  return readState().then(function (before) {
    var drop = state.safety || (before.account && before.account !== state.account);
    return Promise.all([writeState(state), drop ? caches.delete(DATA) : null, keepShell()]);
  }).then(function () {
    return state.account && !state.safety ? refreshCopies(state) : undefined;
  }).then(function () { return state; });
}

function offlineView() {
  return Promise.all([readState(), queued(), keptCopy("/api/v1/today"), keptCopy("/api/v1/path")])
    .then(function (found) {
      var state = found[0];
      var reads = [found[2], found[3]].map(function (hit) { return hit ? hit.json() : null; });
      return Promise.all(reads).then(function (answers) {
        return {
          signedIn: Boolean(state.account),
          safety: state.safety,
          waiting: found[1].filter(function (item) { return item.account === state.account; }).length,
          today: answers[0],
          path: answers[1],
        };
      });
    });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) {
    return cache.addAll(SETTINGS.shell);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("anew-shell-") === 0 && name !== SHELL;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener("message", function (event) {
  var message = event.data || {};
  var reply = event.ports && event.ports[0];
  var work;
  if (message.type === "page") {
    work = inLine(function () { return pageOpened(message); }).then(function (state) {
      var sends = state.account && !state.safety && message.token;
      return sends ? sendQueued(state.account, message.token) : undefined;
    }).then(function () { return undefined; });
  } else if (message.type === "forget") {
    work = inLine(function () { return forget(Boolean(message.unregister)); });
  } else if (message.type === "queue") {
    work = inLine(function () {
      return queueWrite(message.action, message.path, message.fields);
    });
  } else if (message.type === "offline-view") {
    work = offlineView();
  } else {
    return;
  }
  event.waitUntil(work.then(function (answer) {
    if (reply) {
      reply.postMessage(answer === undefined ? null : answer);
    }
  }, function () {
    if (reply) {
      reply.postMessage(null);
    }
  }));
});

function offlinePage() {
  return caches.match(SETTINGS.offlinePage, { cacheName: SHELL }).then(function (page) {
    return page || Response.error();
  });
}

function sendOrQueue(request, action, path) {
  var copy = request.clone();
  return fetch(request).catch(function () {
    return copy.formData().then(function (form) {
      var fields = [];
      form.forEach(function (value, name) { fields.push([name, String(value)]); });
      return inLine(function () { return queueWrite(action, path, fields); });
    }).catch(function () { return false; }).then(function (kept) {
      var note = kept ? "?kept=" + action : "?unsent=" + action;
      return Response.redirect(SETTINGS.offlinePage + note, 303);
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  var action = SETTINGS.queuedForms[url.pathname];
  if (request.method === "POST" && action) {
    event.respondWith(sendOrQueue(request, action, url.pathname));
  } else if (request.method !== "GET") {
    return;
  } else if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(offlinePage));  // never kept: signed-in pages are hers
  } else if (SETTINGS.dataRoutes.indexOf(url.pathname) !== -1 && !url.search) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (SETTINGS.shell.indexOf(url.pathname) !== -1 && !url.search) {
    event.respondWith(caches.match(request, { cacheName: SHELL }).then(function (hit) {
      return hit || fetch(request);
    }));
  }
});

// A notification from Anew (docs/notifications.md): the server encrypted it for this browser
// alone; it carries a title, words, the page to open and a tag (a newer one replaces an older).
self.addEventListener("push", function (event) {
  var said = {};
  try {
    said = event.data ? event.data.json() : {};
  } catch (error) {
    said = {};
  }
  var opens = typeof said.url === "string" && said.url.charAt(0) === "/" ? said.url : "/dashboard";
  event.waitUntil(self.registration.showNotification(said.title || "Anew", {
    body: said.body || "",
    tag: said.tag || "anew",
    icon: "/static/img/icon-192.png",
    badge: "/static/img/icon-192.png",
    data: { url: opens },
  }));
});

// A tap on it opens the page it is about, in an Anew window already open if there is one.
self.addEventListener("notificationclick", function (event) {
  event.notification.close();
  var opens = (event.notification.data && event.notification.data.url) || "/dashboard";
  event.waitUntil(self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (open) {
    for (var i = 0; i < open.length; i += 1) {
      if (new URL(open[i].url).origin === self.location.origin && "navigate" in open[i]) {
        return open[i].focus().then(function (client) { return client.navigate(opens); });
      }
    }
    return self.clients.openWindow(opens);
  }));
});
