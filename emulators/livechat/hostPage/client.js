/* global window, document, fetch, URL, URLSearchParams, setTimeout, setInterval, clearInterval, clearTimeout */
/**
 * Browser side of the emulator's Agent App host page (plain JS, no build step).
 * Drives the app's iframes with the Agent App SDK's Trusted protocol (@livechat/postmessage frames, reference §1.4/§1.8):
 * handshake after `load` (retried every 500 ms), a `response` to every `handle` call, and `livechat:*` events pushed
 * as `handle` calls. Everything the widgets send is recorded in `window.__agentApp.calls`.
 */
(function () {
  'use strict';
  var config = window.__AGENT_APP_CONFIG__ || { appUrl: null, pluginId: 'salesforce-for-livechat' };
  var params = new URLSearchParams(window.location.search);
  var FINGERPRINT = '@@livechat/postmessenger';

  var state = null;
  var view = params.get('view') || 'chats';
  var selectedKey = null;
  var sections = {};
  var details = null;
  var settings = null;
  var toastTimer = null;

  var recorder = {
    calls: [],
    frames: [],
    profilesSent: [],
    get state() {
      return state;
    },
    get selectedKey() {
      return selectedKey;
    },
  };
  window.__agentApp = recorder;

  function $(id) {
    return document.getElementById(id);
  }
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'class') node.className = attrs[k];
      else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c) node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }
  var COLORS = ['#e8542f', '#3a7bd5', '#2e9e6a', '#9b59b6', '#d68910', '#16a2b8', '#c0392b', '#5d6d7e'];
  function colorOf(text) {
    var h = 0;
    for (var i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
    return COLORS[h % COLORS.length];
  }
  function initials(name) {
    var parts = (name || '?').trim().split(/\s+/);
    return (
      (parts[0] || '?').charAt(0) + (parts.length > 1 ? parts[parts.length - 1].charAt(0) : '')
    ).toUpperCase();
  }
  function avatar(name, cls) {
    return el('div', {
      class: cls || 'avatar',
      text: initials(name),
      style: 'background:' + colorOf(name || '?'),
    });
  }
  function timeOf(iso) {
    var d = new Date(iso);
    var now = new Date();
    if (d.toDateString() === now.toDateString())
      return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    return d.toLocaleDateString([], { month: 'short', day: 'numeric' });
  }
  function toast(text, kind) {
    var t = $('toast');
    t.textContent = text;
    t.className = 'toast' + (kind === 'error' ? ' error' : '');
    t.style.display = 'block';
    clearTimeout(toastTimer);
    toastTimer = setTimeout(function () {
      t.style.display = 'none';
    }, 3000);
  }

  // ---- Trusted postMessage connection (host half) -------------------------------------------------------------

  function connectWidget(name, iframe, onCall) {
    var conn = {
      name: name,
      iframe: iframe,
      owner: null,
      instance: 0,
      request: 0,
      connected: false,
      inited: false,
    };

    function post(frame) {
      recorder.frames.push({ widget: name, dir: 'out', frame: frame });
      if (iframe.contentWindow) iframe.contentWindow.postMessage(frame, '*');
    }
    function frame(type, data, request) {
      var f = { type: type, data: data, request: request, instance: conn.instance, owner: conn.owner };
      f[FINGERPRINT] = true;
      return f;
    }

    window.addEventListener('message', function (event) {
      if (event.source !== iframe.contentWindow) return;
      var f = event.data;
      if (
        !f ||
        typeof f !== 'object' ||
        f[FINGERPRINT] !== true ||
        f.owner !== conn.owner ||
        f.instance !== conn.instance
      )
        return;
      recorder.frames.push({ widget: name, dir: 'in', frame: f });
      if (f.type === 'response') {
        if (f.request === null || f.request === undefined) conn.connected = true;
        return;
      }
      if (f.type === 'call' && f.data && f.data.method === 'handle') {
        var msg = (f.data.args || [])[0] || {};
        recorder.calls.push({ widget: name, message: msg.message, data: msg.data, plugin_id: msg.plugin_id });
        var result;
        var error = null;
        try {
          result = onCall(conn, msg);
        } catch (e) {
          error = e;
        }
        var reply = frame(
          'response',
          error
            ? { error: true, result: { real: true, error: { message: String(error.message || error) } } }
            : { error: false, result: result },
          f.request,
        );
        post(reply);
        if (msg.message === 'plugin_inited') {
          conn.inited = true;
          if (conn.afterInit) conn.afterInit(conn);
        }
      }
    });

    conn.emit = function (eventName, eventData) {
      if (!conn.connected) return false;
      post(
        frame(
          'call',
          { method: 'handle', args: [{ event_name: 'livechat:' + eventName, event_data: eventData }] },
          conn.request++,
        ),
      );
      return true;
    };

    iframe.addEventListener('load', function () {
      // A (re)load is a new child: new owner id, fresh handshake.
      conn.owner = 'agent-app-' + Math.random().toString(36).slice(2);
      conn.instance = 0;
      conn.request = 0;
      conn.connected = false;
      conn.inited = false;
      var tries = 0;
      var timer = setInterval(function () {
        if (conn.connected || tries > 10) return clearInterval(timer);
        tries++;
        post(frame('handshake', {}, null));
      }, 500);
      post(frame('handshake', {}, null));
    });
    return conn;
  }

  function widgetUrl(path) {
    var u = new URL(config.appUrl + path);
    u.searchParams.set('plugin_id', config.pluginId);
    u.searchParams.set('theme', 'light');
    return u.toString();
  }

  function handleCall(conn, msg) {
    switch (msg.message) {
      case 'plugin_inited':
        return undefined; // profile pushed in afterInit, once the reply is out
      case 'plugin_loaded':
        setTimeout(function () {
          sendProfile();
        }, 0);
        return undefined;
      case 'customer_details_section':
        // Agent App SDK docs › Modify Customer Details widget's state: "the Agent App ignores the
        // commands without valid section definitions" (the rules: SDK widgets/details/custom-sections.ts).
        if (validSection(msg.data)) {
          sections[msg.data.title] = msg.data;
          renderSections();
        }
        return undefined;
      case 'put_message':
        $('composer').value += ($('composer').value ? ' ' : '') + String(msg.data || '');
        return undefined;
      case 'put_messagebox_message':
        $('composer').value = msg.data && msg.data.value ? String(msg.data.value) : '';
        return undefined;
      case 'set_toast':
        toast((msg.data && msg.data.content) || '', msg.data && msg.data.kind);
        return undefined;
      case 'redirect':
        if (typeof msg.data === 'string') window.open(msg.data, '_blank');
        return undefined;
      default:
        return undefined;
    }
  }

  function mountDetailsWidget() {
    var slot = $('widget-slot');
    slot.innerHTML = '';
    sections = {};
    renderSections();
    if (!config.appUrl) {
      slot.appendChild(
        el('div', {
          class: 'no-app',
          text: 'No app URL configured (start the emulator with agentApp.appUrl or add ?app_url=).',
        }),
      );
      return;
    }
    var iframe = el('iframe', { class: 'app-frame', id: 'details-widget', title: 'Salesforce for LiveChat' });
    details = connectWidget('details', iframe, handleCall);
    details.afterInit = function () {
      sendProfile();
    };
    iframe.src = widgetUrl('/widget/');
    slot.appendChild(iframe);
  }

  function mountSettingsWidget() {
    var slot = $('settings-slot');
    slot.innerHTML = '';
    settings = null;
    if (!config.appUrl) {
      slot.appendChild(el('div', { class: 'no-app', text: 'No app URL configured.' }));
      return;
    }
    var iframe = el('iframe', {
      class: 'settings-frame',
      id: 'settings-widget',
      title: 'Salesforce for LiveChat settings',
    });
    settings = connectWidget('settings', iframe, handleCall);
    settings.afterInit = function (conn) {
      // Agent App SDK docs › Settings widgets › Events › `page_data`: "Emitted when the widget is
      // initialized", with "the main window page data object" (SDK widgets/shared/page-data.ts:
      // `IPageData { queryParams: object }`), here the host page's own query parameters.
      var queryParams = {};
      new URLSearchParams(window.location.search).forEach(function (value, key) {
        queryParams[key] = value;
      });
      conn.emit('page_data', { queryParams: queryParams });
    };
    iframe.src = widgetUrl('/settings/');
    slot.appendChild(iframe);
  }

  function selectedEntry() {
    if (!state) return null;
    var all = state.active.concat(state.archived);
    for (var i = 0; i < all.length; i++) if (all[i].key === selectedKey) return all[i];
    return null;
  }

  function sendProfile() {
    var entry = selectedEntry();
    if (!details || !details.inited || !entry) return;
    if (details.emit('customer_profile', entry.profile)) recorder.profilesSent.push(entry.profile);
  }

  /**
   * A section definition the Agent App accepts (Agent App SDK docs › Component types; SDK
   * widgets/details/custom-sections.ts `assertSection`): a non-empty `title`, a non-empty array of
   * components of the known types; a button needs `label` and `id`, a link `url`, a title `title`
   * (and `imgSize`, if any, `small` or `big`).
   */
  var COMPONENT_TYPES = ['button', 'label_value', 'title', 'link', 'line', 'customer', 'tags'];
  function validComponent(c) {
    if (!c || typeof c !== 'object' || COMPONENT_TYPES.indexOf(c.type) < 0) return false;
    var d = c.data;
    if (c.type === 'button') return Boolean(d && d.label && d.id);
    if (c.type === 'link') return Boolean(d && d.url);
    if (c.type === 'title')
      return (
        Boolean(d && d.title) && (d.imgSize === undefined || d.imgSize === 'small' || d.imgSize === 'big')
      );
    return true;
  }
  function validSection(section) {
    return Boolean(
      section &&
      typeof section.title === 'string' &&
      section.title &&
      Array.isArray(section.components) &&
      section.components.length &&
      section.components.every(validComponent),
    );
  }

  // ---- Rendering ----------------------------------------------------------------------------------------------

  function renderSections() {
    var box = $('native-sections');
    box.innerHTML = '';
    Object.keys(sections).forEach(function (title) {
      var s = sections[title];
      var node = el('div', { class: 'native-section' }, [el('strong', { text: s.title })]);
      (s.components || []).forEach(function (c) {
        var d = c.data || {};
        if (c.type === 'label_value') {
          node.appendChild(
            el('div', { class: 'comp' }, [
              d.label ? el('span', { class: 'label', text: d.label + ': ' }) : null,
              d.url
                ? el('a', { href: d.url, target: '_blank', text: d.value || d.url })
                : el('span', { text: d.value || '' }),
            ]),
          );
        } else if (c.type === 'title') {
          node.appendChild(
            el('div', { class: 'comp' }, [
              el('strong', { text: d.title || '' }),
              d.value ? el('div', { text: d.value }) : null,
              d.description ? el('div', { class: 'label', text: d.description }) : null,
            ]),
          );
        } else if (c.type === 'link') {
          node.appendChild(
            el('div', { class: 'comp' }, [
              el('a', { href: d.url, target: '_blank', text: d.value || d.url }),
            ]),
          );
        } else if (c.type === 'button') {
          node.appendChild(
            el('button', {
              class: d.primary ? 'primary comp' : 'secondary comp',
              text: d.label,
              onclick: function () {
                // Agent App SDK docs › `customer_details_section_button_click`: the payload is
                // `{ buttonId }`, "the `id` of the button taken from the section definition".
                if (details) details.emit('customer_details_section_button_click', { buttonId: d.id });
              },
            }),
          );
        } else if (c.type === 'line') {
          node.appendChild(el('hr'));
        } else if (c.type === 'customer') {
          // Docs › Component types › Customer: "a line with a customer's avatar, name, and email".
          var profile = selectedEntry() && selectedEntry().profile;
          if (profile)
            node.appendChild(
              el('div', { class: 'comp customer-head' }, [
                avatar(profile.name || 'Customer'),
                el('div', {}, [
                  el('strong', { text: profile.name || 'Customer' }),
                  el('div', { class: 'item-preview', text: profile.email || '' }),
                ]),
              ]),
            );
        } else if (c.type === 'tags') {
          node.appendChild(
            el(
              'div',
              { class: 'comp tags' },
              (d.tags || []).map(function (t) {
                return el('span', { text: t });
              }),
            ),
          );
        }
      });
      box.appendChild(node);
    });
  }

  function customerOf(chat) {
    return (
      chat.users.filter(function (u) {
        return u.type === 'customer';
      })[0] || { name: 'Customer' }
    );
  }
  function lastMessage(chat) {
    var events = chat.thread.events || [];
    for (var i = events.length - 1; i >= 0; i--) if (events[i].type === 'message') return events[i];
    return null;
  }

  function renderList() {
    var list = $('chat-list');
    list.innerHTML = '';
    var q = ($('search').value || '').toLowerCase();
    var groups = view === 'archives' ? [['Archived', state.archived]] : [['My chats', state.active]];
    $('list-title').textContent = view === 'archives' ? 'Archives' : 'Chats';
    groups.forEach(function (g) {
      list.appendChild(el('li', { class: 'section-title', text: g[0] + ' (' + g[1].length + ')' }));
      g[1].forEach(function (entry) {
        var c = customerOf(entry.chat);
        var last = lastMessage(entry.chat);
        var hay = ((c.name || '') + ' ' + (c.email || '') + ' ' + (last ? last.text : '')).toLowerCase();
        if (q && hay.indexOf(q) < 0) return;
        list.appendChild(
          el(
            'li',
            {
              class: entry.key === selectedKey ? 'selected' : '',
              'data-key': entry.key,
              'data-chat-id': entry.chat.id,
              onclick: function () {
                select(entry.key);
              },
            },
            [
              avatar(c.name || 'Customer'),
              el('div', { class: 'item-main' }, [
                el('div', { class: 'item-top' }, [
                  el('span', { class: 'item-name', text: c.name || 'Customer' }),
                  el('span', { class: 'item-time', text: timeOf(entry.chat.thread.created_at) }),
                ]),
                el('div', { class: 'item-preview', text: last ? last.text : '' }),
              ]),
            ],
          ),
        );
      });
    });
    $('active-count').textContent = state.active.length ? String(state.active.length) : '';
    $('active-count').style.display = state.active.length ? '' : 'none';
  }

  function answerText(f) {
    if (f.answers)
      return f.answers
        .map(function (a) {
          return a.label;
        })
        .join(', ');
    if (f.answer && typeof f.answer === 'object') return f.answer.label;
    return f.answer || '';
  }

  function renderTranscript(entry) {
    var box = $('transcript');
    box.innerHTML = '';
    if (!entry) {
      $('chat-title').textContent = 'No chat selected';
      $('chat-sub').textContent = '';
      $('chat-avatar').style.display = 'none';
      $('end-chat').disabled = true;
      box.appendChild(el('div', { class: 'empty', text: 'Pick a chat on the left.' }));
      return;
    }
    var chat = entry.chat;
    var c = customerOf(chat);
    var header = $('chat-avatar');
    header.style.display = '';
    header.textContent = initials(c.name || 'Customer');
    header.style.background = colorOf(c.name || '?');
    $('chat-title').textContent = c.name || 'Customer';
    $('chat-sub').textContent =
      (c.email ? c.email + ' · ' : '') +
      (chat.thread.active ? 'Ongoing chat' : 'Archived · ') +
      (chat.thread.active ? '' : new Date(chat.thread.created_at).toLocaleString());
    $('end-chat').disabled = !chat.thread.active;
    $('end-chat').style.display = chat.thread.active ? '' : 'none';
    (chat.thread.events || []).forEach(function (e) {
      if (e.type === 'message') {
        var who = e.author_id === c.id ? 'customer' : 'agent';
        box.appendChild(
          el('div', { class: 'msg ' + who }, [
            e.text,
            el('span', { class: 'time', text: timeOf(e.created_at) }),
          ]),
        );
      } else if (e.type === 'system_message') {
        box.appendChild(el('div', { class: 'system', text: e.text }));
      } else if (e.type === 'filled_form') {
        var dl = el('dl');
        (e.fields || []).forEach(function (f) {
          dl.appendChild(el('dt', { text: f.label }));
          dl.appendChild(el('dd', { text: answerText(f) || '—' }));
        });
        box.appendChild(
          el('div', { class: 'form-card' }, [
            el('h4', { text: e.form_type === 'postchat' ? 'Post-chat survey' : 'Pre-chat survey' }),
            dl,
          ]),
        );
      }
    });
    box.scrollTop = box.scrollHeight;
  }

  function renderCustomer(entry) {
    var box = $('customer-section');
    box.innerHTML = '';
    if (!entry) return;
    var chat = entry.chat;
    var c = customerOf(chat);
    var visit = c.last_visit || {};
    var geo = visit.geolocation || {};
    var pages = visit.last_pages || [];
    var page = pages[pages.length - 1];
    box.appendChild(
      el('div', { class: 'customer-head' }, [
        avatar(c.name || 'Customer'),
        el('div', {}, [
          el('strong', { text: c.name || 'Customer' }),
          el('div', { class: 'item-preview', text: c.email || 'No email' }),
        ]),
      ]),
    );
    var kv = el('dl', { class: 'kv', style: 'margin-top:12px' });
    function row(k, v) {
      if (!v) return;
      kv.appendChild(el('dt', { text: k }));
      kv.appendChild(el('dd', { text: v }));
    }
    row('Location', [geo.city, geo.country].filter(Boolean).join(', '));
    row('IP', visit.ip);
    row('Page', page ? page.url : '');
    row('Referrer', visit.referrer);
    (c.session_fields || []).forEach(function (f) {
      Object.keys(f).forEach(function (k) {
        row(k, f[k]);
      });
    });
    row('Group', String((chat.access.group_ids || [])[0]));
    box.appendChild(kv);
    if (chat.thread.tags && chat.thread.tags.length) {
      box.appendChild(
        el(
          'div',
          { class: 'tags', style: 'margin-top:8px' },
          chat.thread.tags.map(function (t) {
            return el('span', { text: t });
          }),
        ),
      );
    }
  }

  function render() {
    document.body.className = 'view-' + view;
    Array.prototype.forEach.call(document.querySelectorAll('.rail button'), function (b) {
      b.classList.toggle('active', b.getAttribute('data-view') === view);
    });
    if (!state) return;
    $('license-name').textContent = state.license.name + ' · license ' + state.license.licenseId;
    var me = $('me-avatar');
    me.textContent = initials(state.me.name);
    me.style.background = colorOf(state.me.name);
    me.title = state.me.name + ' (' + state.me.role + ')';
    renderList();
    var entry = selectedEntry();
    renderTranscript(entry);
    renderCustomer(entry);
    renderSections(); // a `customer` component shows the open chat's customer
  }

  function select(key) {
    selectedKey = key;
    render();
    sendProfile();
  }

  function firstOf(list) {
    return list.length ? list[0].key : null;
  }

  function setView(next) {
    view = next;
    if (view === 'apps' && !settings) mountSettingsWidget();
    if (view === 'chats' && (!selectedEntry() || !selectedEntry().chat.thread.active))
      selectedKey = firstOf(state.active) || selectedKey;
    if (view === 'archives' && (!selectedEntry() || selectedEntry().chat.thread.active))
      selectedKey = firstOf(state.archived) || selectedKey;
    render();
    sendProfile();
  }

  function loadState() {
    return fetch('/agent-app/state', { credentials: 'same-origin' })
      .then(function (r) {
        if (r.status === 401) {
          window.location.href =
            '/signin?continue=' + encodeURIComponent(window.location.pathname + window.location.search);
          throw new Error('signed out');
        }
        return r.json();
      })
      .then(function (s) {
        state = s;
        var select = $('sign-in-as');
        select.innerHTML = '';
        s.licenses.forEach(function (l) {
          var og = el('optgroup', { label: l.name });
          l.agents.forEach(function (a) {
            var o = el('option', { value: a.email, text: a.name + ' · ' + a.role });
            if (a.email === s.me.email) o.selected = true;
            og.appendChild(o);
          });
          select.appendChild(og);
        });
        return s;
      });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('.rail button'), function (b) {
      b.addEventListener('click', function () {
        setView(b.getAttribute('data-view'));
      });
    });
    $('search').addEventListener('input', renderList);
    $('sign-in-as').addEventListener('change', function (e) {
      // Signing in as someone else goes through the accounts service, a site of its own, as on the
      // real LiveChat: the page reloads signed in on both sites (see /agent-app?as=).
      var params = new URLSearchParams(window.location.search);
      params.set('as', e.target.value);
      params.set('view', view);
      params.delete('chat');
      window.location.assign('/agent-app?' + params.toString());
    });
    $('end-chat').addEventListener('click', function () {
      var entry = selectedEntry();
      if (!entry || !entry.chat.thread.active) return;
      $('end-chat').disabled = true;
      fetch('/agent-app/chats/' + encodeURIComponent(entry.chat.id) + '/end', {
        method: 'POST',
        credentials: 'same-origin',
      })
        .then(function (r) {
          return r.json();
        })
        .then(function (ended) {
          return loadState().then(function () {
            toast('Chat ended: it is in Archives now (chat_deactivated sent).');
            var archivedKey = ended.chatId + '/' + ended.threadId;
            selectedKey = firstOf(state.active) || archivedKey;
            render();
            sendProfile();
          });
        });
    });
    loadState().then(function (s) {
      var wanted = params.get('chat');
      var wantedThread = params.get('thread');
      var all = s.active.concat(s.archived);
      var match = wantedThread
        ? all.filter(function (e) {
            return e.chat.thread.id === wantedThread;
          })[0]
        : wanted
          ? all.filter(function (e) {
              return e.chat.id === wanted && (view !== 'archives' || !e.chat.thread.active);
            })[0]
          : null;
      if (match) {
        selectedKey = match.key;
        if (!match.chat.thread.active && view === 'chats') view = 'archives';
      } else {
        selectedKey = view === 'archives' ? firstOf(s.archived) : firstOf(s.active) || firstOf(s.archived);
      }
      mountDetailsWidget();
      setView(view);
    });
  }

  init();
})();
