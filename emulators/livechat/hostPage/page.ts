/** The host page's HTML shell and styles (a trimmed LiveChat Agent App); `client.js` renders into it. */
import { scriptJson } from '../html';

const styles = `
:root { --rail: #131317; --rail-hover: #2a2a30; --border: #e2e2e4; --muted: #6b6b76; --bg: #f3f3f5; --blue: #0066ff; --orange: #ff5100; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 14px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; color: #1b1b20; background: var(--bg); }
#root { display: flex; height: 100vh; }
.rail { width: 64px; background: var(--rail); display: flex; flex-direction: column; align-items: center; padding: 12px 0; gap: 6px; flex: none; }
.rail .logo { width: 36px; height: 36px; border-radius: 10px; background: var(--orange); color: #fff; font-weight: 800; display: grid; place-items: center; margin-bottom: 14px; font-size: 15px; }
.rail button { width: 44px; height: 44px; border: 0; border-radius: 10px; background: transparent; color: #b7b7c0; cursor: pointer; display: grid; place-items: center; position: relative; }
.rail button:hover { background: var(--rail-hover); color: #fff; }
.rail button.active { background: #fff; color: var(--rail); }
.rail button .count { position: absolute; top: 4px; right: 4px; background: var(--orange); color: #fff; font-size: 10px; border-radius: 8px; padding: 0 5px; line-height: 15px; }
.rail .spacer { flex: 1; }
.rail .me { width: 34px; height: 34px; border-radius: 50%; display: grid; place-items: center; color: #fff; font-size: 12px; font-weight: 700; }
.main { flex: 1; display: flex; flex-direction: column; min-width: 0; }
.topbar { height: 48px; background: #fff; border-bottom: 1px solid var(--border); display: flex; align-items: center; padding: 0 16px; gap: 12px; flex: none; }
.topbar .license { font-weight: 600; }
.topbar .grow { flex: 1; }
.badge { background: var(--orange); color: #fff; font-weight: 700; font-size: 11px; padding: 3px 9px; border-radius: 10px; letter-spacing: .05em; text-transform: uppercase; }
.topbar label { color: var(--muted); font-size: 13px; }
.topbar select { font: inherit; padding: 5px 8px; border: 1px solid var(--border); border-radius: 6px; background: #fff; }
.columns { flex: 1; display: flex; min-height: 0; }
.list { width: 300px; background: #fff; border-right: 1px solid var(--border); display: flex; flex-direction: column; flex: none; }
.list h2, .chat h2, .details h2, .apps h2 { font-size: 16px; margin: 0; }
.list header { padding: 14px 16px 10px; border-bottom: 1px solid var(--border); }
.list header input { margin-top: 10px; width: 100%; padding: 7px 10px; border: 1px solid var(--border); border-radius: 6px; font: inherit; background: var(--bg); }
.list ul { list-style: none; margin: 0; padding: 6px; overflow: auto; flex: 1; }
.list li { display: flex; gap: 10px; padding: 10px; border-radius: 8px; cursor: pointer; align-items: center; }
.list li:hover { background: #f5f5f7; }
.list li.selected { background: #e8f0ff; }
.list .section-title { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); padding: 10px 10px 4px; cursor: default; }
.list .section-title:hover { background: none; }
.avatar { width: 36px; height: 36px; border-radius: 50%; display: grid; place-items: center; color: #fff; font-weight: 700; font-size: 13px; flex: none; }
.item-main { min-width: 0; flex: 1; }
.item-top { display: flex; justify-content: space-between; gap: 6px; }
.item-name { font-weight: 600; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.item-time { color: var(--muted); font-size: 12px; flex: none; }
.item-preview { color: var(--muted); font-size: 13px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chat { flex: 1; display: flex; flex-direction: column; min-width: 0; background: var(--bg); }
.chat > header { background: #fff; border-bottom: 1px solid var(--border); padding: 12px 18px; display: flex; align-items: center; gap: 12px; min-height: 61px; }
.chat > header .grow { flex: 1; min-width: 0; }
.chat > header .sub { color: var(--muted); font-size: 12px; }
button.primary { background: var(--blue); color: #fff; border: 0; border-radius: 6px; padding: 8px 14px; font: inherit; font-weight: 600; cursor: pointer; }
button.primary:disabled { background: #b8c6e0; cursor: default; }
button.secondary { background: #fff; color: #1b1b20; border: 1px solid var(--border); border-radius: 6px; padding: 7px 12px; font: inherit; cursor: pointer; }
.transcript { flex: 1; overflow: auto; padding: 18px 22px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 70%; padding: 8px 12px; border-radius: 14px; white-space: pre-wrap; word-wrap: break-word; }
.msg.customer { align-self: flex-start; background: #fff; border: 1px solid var(--border); border-bottom-left-radius: 4px; }
.msg.agent { align-self: flex-end; background: var(--blue); color: #fff; border-bottom-right-radius: 4px; }
.msg .time { display: block; font-size: 11px; opacity: .65; margin-top: 2px; }
.system { align-self: center; color: var(--muted); font-size: 12px; }
.form-card { align-self: flex-start; background: #fff; border: 1px solid var(--border); border-radius: 10px; padding: 10px 14px; min-width: 260px; }
.form-card h4 { margin: 0 0 6px; font-size: 12px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); }
.form-card dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; font-size: 13px; }
.form-card dt { color: var(--muted); }
.form-card dd { margin: 0; }
.composer { background: #fff; border-top: 1px solid var(--border); padding: 10px 16px; }
.composer textarea { width: 100%; border: 0; resize: none; font: inherit; outline: none; height: 48px; }
.empty { margin: auto; color: var(--muted); text-align: center; }
.details { width: 360px; background: #fff; border-left: 1px solid var(--border); display: flex; flex-direction: column; flex: none; min-height: 0; }
.details > header { padding: 18px 16px 12px; border-bottom: 1px solid var(--border); }
.details .scroll { overflow: auto; flex: 1; }
.details section { border-bottom: 1px solid var(--border); padding: 12px 16px; }
.details section h3 { margin: 0 0 8px; font-size: 13px; font-weight: 600; display: flex; align-items: center; gap: 8px; }
.kv { display: grid; grid-template-columns: 100px 1fr; gap: 3px 10px; font-size: 13px; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; overflow-wrap: anywhere; }
.customer-head { display: flex; gap: 12px; align-items: center; }
.customer-head .avatar { width: 44px; height: 44px; font-size: 15px; }
.app-section .app-icon { width: 18px; height: 18px; border-radius: 4px; background: #00a1e0; color: #fff; font-size: 10px; font-weight: 800; display: grid; place-items: center; }
.app-frame { width: 100%; height: 560px; border: 0; display: block; background: #fff; }
.native-section { border: 1px solid var(--border); border-radius: 8px; padding: 8px 10px; margin-bottom: 10px; font-size: 13px; }
.native-section .comp { margin: 4px 0; }
.native-section .label { color: var(--muted); }
.tags span, .tag { display: inline-block; background: #eef0f3; border-radius: 10px; padding: 1px 8px; margin: 0 4px 4px 0; font-size: 12px; }
.apps { flex: 1; display: none; flex-direction: column; min-width: 0; background: #fff; }
.apps > header { padding: 14px 20px; border-bottom: 1px solid var(--border); display: flex; align-items: center; gap: 10px; }
.apps .crumb { color: var(--muted); }
.settings-frame { flex: 1; width: 100%; border: 0; }
.no-app { padding: 24px; color: var(--muted); }
.toast { position: fixed; bottom: 20px; left: 50%; transform: translateX(-50%); background: #1b1b20; color: #fff; padding: 10px 16px; border-radius: 8px; display: none; z-index: 10; }
.toast.error { background: #d64646; }
body.view-apps .columns { display: none; }
body.view-apps .apps { display: flex; }
`;

export function hostPageHtml(config: { appUrl: string | null; pluginId: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agent App (LiveChat emulator · Demo)</title>
<style>${styles}</style>
</head>
<body>
<div id="root">
  <nav class="rail" aria-label="Main">
    <div class="logo" title="LiveChat (emulator)">LC</div>
    <button data-view="chats" title="Chats" aria-label="Chats"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z"/></svg><span class="count" id="active-count"></span></button>
    <button data-view="archives" title="Archives" aria-label="Archives"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="3" y="4" width="18" height="5" rx="1"/><path d="M5 9v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V9M10 13h4"/></svg></button>
    <button data-view="apps" title="Apps" aria-label="Apps"><svg width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"><rect x="4" y="4" width="6" height="6" rx="1"/><rect x="14" y="4" width="6" height="6" rx="1"/><rect x="4" y="14" width="6" height="6" rx="1"/><rect x="14" y="14" width="6" height="6" rx="1"/></svg></button>
    <div class="spacer"></div>
    <div class="me" id="me-avatar" title=""></div>
  </nav>
  <div class="main">
    <div class="topbar">
      <span class="badge" id="demo-badge">Demo</span>
      <span class="license" id="license-name"></span>
      <span class="grow"></span>
      <label for="sign-in-as">Sign in as</label>
      <select id="sign-in-as"></select>
    </div>
    <div class="columns">
      <aside class="list">
        <header><h2 id="list-title">Chats</h2><input id="search" type="search" placeholder="Search"></header>
        <ul id="chat-list"></ul>
      </aside>
      <section class="chat">
        <header>
          <div class="avatar" id="chat-avatar" style="display:none"></div>
          <div class="grow"><h2 id="chat-title">No chat selected</h2><div class="sub" id="chat-sub"></div></div>
          <button class="primary" id="end-chat" disabled>End chat</button>
        </header>
        <div class="transcript" id="transcript"><div class="empty">Pick a chat on the left.</div></div>
        <div class="composer"><textarea id="composer" placeholder="Write a message…"></textarea></div>
      </section>
      <aside class="details">
        <header><h2>Details</h2></header>
        <div class="scroll">
          <section id="customer-section"></section>
          <section class="app-section">
            <h3><span class="app-icon">SF</span>Salesforce for LiveChat</h3>
            <div id="native-sections"></div>
            <div id="widget-slot"></div>
          </section>
        </div>
      </aside>
    </div>
    <section class="apps">
      <header><span class="crumb">Apps ›</span><h2>Salesforce for LiveChat</h2><span class="grow"></span></header>
      <div id="settings-slot" style="flex:1;display:flex;flex-direction:column"></div>
    </section>
  </div>
</div>
<div class="toast" id="toast"></div>
<script>window.__AGENT_APP_CONFIG__ = ${scriptJson(config)};</script>
<script src="/agent-app/client.js"></script>
</body>
</html>`;
}
