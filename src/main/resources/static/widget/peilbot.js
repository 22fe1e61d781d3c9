/*
 * Peilbot chat widget: <peilbot-chat survey="ai-in-hospitals-2020"></peilbot-chat>
 * with <script src="https://peilbot.example/widget/peilbot.js"></script> on any page.
 *
 * Attributes: survey (open link), token (invitation; else the URL fragment #t=...), server (defaults to
 * where this script came from), lang (nl or en before the conversation says otherwise).
 * Protocol: docs/web-chat-protocol.md. Texts come from the server (/chat/ui-messages), never from here.
 */
(function () {
  'use strict';

  if (window.customElements.get('peilbot-chat')) {
    return;
  }

  var script = document.currentScript;
  var scriptOrigin = script && script.src ? new URL(script.src, window.location.href).origin : window.location.origin;
  var MAX_BACKOFF_MS = 30000;

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // randomUUID needs a secure context; getRandomValues does not.
    var b = window.crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function fragmentToken() {
    var hash = window.location.hash ? window.location.hash.slice(1) : '';
    return new URLSearchParams(hash).get('t');
  }

  function language(requested) {
    var l = (requested || '').toLowerCase().slice(0, 2);
    return l === 'en' ? 'en' : 'nl';
  }

  class PeilbotChat extends HTMLElement {

    connectedCallback() {
      if (this.started) {
        return;
      }
      this.started = true;
      this.server = (this.getAttribute('server') || scriptOrigin).replace(/\/+$/, '');
      this.survey = this.getAttribute('survey');
      this.language = language(this.getAttribute('lang') || document.documentElement.lang || navigator.language);
      this.identify();
      this.outbox = [];
      this.texts = {};
      this.attempt = 0;
      this.stopped = false;
      this.interacted = this.hasAttribute('full-screen');
      this.ask = null;
      this.build();
      var self = this;
      this.onOnline = function () { self.reconnectNow(); };
      window.addEventListener('online', this.onOnline);
      this.loadTexts(this.language).then(function () { self.connect(); });
    }

    disconnectedCallback() {
      this.stopped = true;
      this.started = false;
      window.removeEventListener('online', this.onOnline);
      clearTimeout(this.retryTimer);
      if (this.socket) {
        this.socket.close();
      }
    }

    /** Token from the attribute, the URL fragment, or (open link) the one the server gave us before. */
    identify() {
      this.storageKey = 'peilbot.token.' + (this.survey || '');
      var stored = storage() ? storage().getItem(this.storageKey) : null;
      this.token = this.getAttribute('token') || fragmentToken();
      this.tokenStored = false;
      if (!this.token && stored) {
        this.token = stored;
        this.tokenStored = true;
      }
    }

    build() {
      var root = this.attachShadow({ mode: 'open' });
      var css = el('link');
      css.rel = 'stylesheet';
      css.href = this.server + '/widget/peilbot.css';
      root.appendChild(css);
      var frame = el('div', 'peilbot');
      this.header = el('div', 'header');
      this.logo = el('img', 'logo');
      this.logo.hidden = true;
      var heading = el('div', 'heading');
      this.titleNode = el('h1', 'title');
      this.organiserNode = el('span', 'organiser');
      this.organiserNode.hidden = true;
      heading.append(this.titleNode, this.organiserNode);
      this.progressBox = el('div', 'progress');
      this.progressBox.hidden = true;
      this.progressBar = el('progress');
      this.progressText = el('span', 'progress-text');
      this.progressBar.id = 'progress-bar';
      this.progressText.id = 'progress-text';
      this.progressBar.setAttribute('aria-describedby', 'progress-text');
      this.progressBox.append(this.progressBar, this.progressText);
      this.header.append(this.logo, heading, this.progressBox);
      this.notice = el('div', 'notice');
      this.notice.setAttribute('role', 'status');
      this.notice.hidden = true;
      this.log = el('div', 'log');
      this.log.setAttribute('role', 'log');
      this.log.setAttribute('aria-live', 'polite');
      this.log.tabIndex = 0;
      this.footer = el('div', 'footer');
      this.choices = el('div', 'choices');
      this.choices.setAttribute('role', 'group');
      this.form = el('form', 'compose');
      this.input = el('textarea', 'input');
      this.input.rows = 1;
      this.input.maxLength = 3000;
      this.input.id = 'answer';
      this.inputLabel = el('label', 'sr-only');
      this.inputLabel.htmlFor = 'answer';
      this.sendButton = el('button', 'send');
      this.sendButton.type = 'submit';
      this.unit = el('span', 'unit');
      this.unit.id = 'answer-unit';
      this.unit.hidden = true;
      this.input.setAttribute('aria-describedby', 'answer-unit');
      this.form.append(this.inputLabel, this.input, this.unit, this.sendButton);
      this.footer.append(this.choices, this.form);
      frame.append(this.header, this.notice, this.log, this.footer);
      root.appendChild(frame);
      var self = this;
      this.form.addEventListener('submit', function (event) {
        event.preventDefault();
        self.sendText();
      });
      this.input.addEventListener('keydown', function (event) {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          self.sendText();
        }
      });
      this.applyTexts();
    }

    text(key) {
      return this.texts[key] || '';
    }

    loadTexts(lang) {
      var self = this;
      return fetch(this.server + '/chat/ui-messages?lang=' + encodeURIComponent(lang))
        .then(function (response) { return response.ok ? response.json() : {}; })
        .then(function (texts) {
          if (Object.keys(texts).length) {
            self.texts = texts;
            self.textsLanguage = lang;
            self.applyTexts();
          }
        })
        .catch(function () { /* keep the texts we have; the connection notice tells the rest */ });
    }

    applyTexts() {
      this.showTitle();
      this.log.setAttribute('aria-label', this.text('log'));
      this.choices.setAttribute('aria-label', this.text('choices'));
      this.inputLabel.textContent = this.text('input');
      this.input.placeholder = this.text('placeholder');
      this.sendButton.textContent = this.text('send');
      this.progressBar.setAttribute('aria-label', this.text('progress'));
      if (this.noticeKey) {
        this.notice.textContent = this.text(this.noticeKey);
      }
    }

    /** The survey's title in the conversation's language (from the session), else the widget's own name. */
    showTitle() {
      var titles = this.titles || {};
      this.titleNode.textContent = titles[this.language] || titles.nl || this.text('title');
    }

    showOrganiser(organiser) {
      var name = organiser && organiser.name;
      var logo = organiser && organiser.logo;
      this.organiserNode.textContent = name || '';
      this.organiserNode.hidden = !name;
      if (logo) {
        this.logo.src = /^[a-z]+:/i.test(logo) ? logo : this.server + (logo.charAt(0) === '/' ? '' : '/') + logo;
        // The organiser's name is next to it; a logo without one is named by its own text.
        this.logo.alt = name ? '' : this.text('organiser');
      }
      this.logo.hidden = !logo;
    }

    setLanguage(lang) {
      if (lang && lang !== this.language) {
        this.language = lang;
        this.loadTexts(lang);
      }
    }

    showNotice(key) {
      this.noticeKey = key;
      this.notice.textContent = key ? this.text(key) : '';
      this.notice.hidden = !key;
    }

    // --- connection -------------------------------------------------------------------------------

    connect() {
      if (this.stopped) {
        return;
      }
      var self = this;
      var socket = new WebSocket(this.server.replace(/^http/, 'ws') + '/ws/chat');
      this.socket = socket;
      if (!this.everConnected) {
        this.showNotice('connecting');
      }
      socket.onopen = function () {
        var hello = { type: 'hello' };
        if (self.token) {
          hello.token = self.token;
        } else {
          hello.survey = self.survey;
        }
        socket.send(JSON.stringify(hello));
      };
      socket.onmessage = function (event) {
        var frame;
        try {
          frame = JSON.parse(event.data);
        } catch (e) {
          return;
        }
        self.receive(frame);
      };
      socket.onclose = function () {
        if (self.socket === socket) {
          self.socket = null;
          self.open = false;
          self.scheduleReconnect();
        }
      };
    }

    scheduleReconnect() {
      if (this.stopped) {
        return;
      }
      this.showNotice('reconnecting');
      var delay = Math.min(MAX_BACKOFF_MS, 1000 * Math.pow(2, this.attempt));
      this.attempt += 1;
      var self = this;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(function () { self.connect(); }, delay / 2 + Math.random() * delay / 2);
    }

    reconnectNow() {
      if (!this.socket && !this.stopped) {
        clearTimeout(this.retryTimer);
        this.attempt = 0;
        this.connect();
      }
    }

    /**
     * Sends a frame now if connected. It names the question it was composed for (step and ask id), so however late
     * it arrives it is never applied to another question. Messages stay in the outbox until acknowledged and are
     * re-sent unchanged (same id, same step and ask) after a reconnect or when the server says "try again".
     */
    post(frame, shown) {
      frame.id = uuid();
      if (this.completed) {
        // No question is asked once completed; commands such as "my data" still work.
        frame.step = '#completed';
        frame.ask = '#completed';
      } else if (this.ask) {
        frame.step = this.ask.step;
        frame.ask = this.ask.ask;
      }
      this.outbox.push({ frame: frame, shown: shown, bubble: shown ? this.bubble('respondent', shown) : null });
      if (this.open) {
        this.socket.send(JSON.stringify(frame));
      }
    }

    resend() {
      var socket = this.socket;
      if (!socket || !this.open) {
        return;
      }
      clearTimeout(this.resendTimer);
      this.outbox.forEach(function (entry) {
        entry.resent = true;
        socket.send(JSON.stringify(entry.frame));
      });
    }

    /** Sends the outbox again on this connection after the server's retry hint (duplicate ids are applied once). */
    resendLater(delay) {
      var self = this;
      clearTimeout(this.resendTimer);
      this.resendTimer = setTimeout(function () { self.resend(); }, Math.max(500, Math.min(delay || 3000, MAX_BACKOFF_MS)));
    }

    /** After a reconnect the log is rebuilt from the transcript: show the answers still on their way below it. */
    showUnacknowledged() {
      var self = this;
      this.outbox.forEach(function (entry) {
        if (entry.shown) {
          entry.bubble = self.bubble('respondent', entry.shown);
        }
      });
    }

    forget(id, outcome) {
      this.outbox = this.outbox.filter(function (entry) {
        if (entry.frame.id !== id) {
          return true;
        }
        // Applied before the connection dropped: the transcript shows it already. An answer to a question
        // that was no longer asked was not stored: it disappears and is never sent for another question.
        if (((outcome === 'duplicate' && entry.resent) || outcome === 'conflict') && entry.bubble
            && entry.bubble.parentNode) {
          entry.bubble.parentNode.removeChild(entry.bubble);
        }
        return false;
      });
    }

    // --- frames from the server ------------------------------------------------------------------

    receive(frame) {
      switch (frame.type) {
        case 'session': return this.onSession(frame);
        case 'transcript': return this.onTranscript(frame);
        case 'say': return this.bubble('bot', frame.text);
        case 'ask': return this.onAsk(frame);
        case 'ack': return this.onAck(frame);
        case 'error': return this.onError(frame);
        default: return undefined;
      }
    }

    onSession(frame) {
      if (frame.token) {
        this.token = frame.token;
        if (storage()) {
          storage().setItem(this.storageKey, frame.token);
        }
        this.tokenStored = true;
      }
      this.open = true;
      this.everConnected = true;
      this.attempt = 0;
      this.showNotice(null);
      this.titles = frame.title || null;
      this.setLanguage(frame.language);
      this.showTitle();
      this.showOrganiser(frame.organiser);
      // The log is rebuilt from the transcript: screen readers should not read it all out again.
      this.log.setAttribute('aria-busy', 'true');
      this.log.textContent = '';
      this.ask = null;
      this.unacknowledgedToShow = this.outbox.length > 0;
      this.setCompleted(frame.completed);
      this.resend();
    }

    onTranscript(frame) {
      var self = this;
      (frame.entries || []).forEach(function (entry) {
        self.bubble(entry.speaker === 'respondent' ? 'respondent' : 'bot', entry.text, 'earlier');
      });
      this.log.removeAttribute('aria-busy');
    }

    onAck(frame) {
      var known = this.outbox.some(function (entry) { return entry.frame.id === frame.id; });
      this.forget(frame.id, frame.outcome);
      if (frame.outcome === 'conflict' && known) {
        this.bubble('error', this.text('conflict'));
        // The current question follows; show it even when it has the same text as the one answered.
        this.ask = null;
      }
      this.setLanguage(frame.language);
      if (frame.completed) {
        this.setCompleted(true);
      }
    }

    onError(frame) {
      if (frame.code === 'unavailable' || frame.code === 'rate_limited' || frame.code === 'internal_error') {
        // Not applied, or (internal error) not known to be: keep the message and send it again with the same id.
        this.showNotice(frame.code === 'unavailable' ? 'unavailable' : null);
        if (!frame.id && this.socket) {
          this.socket.close();
          return;
        }
        this.retries = (this.retries || 0) + 1;
        if (frame.code === 'internal_error' && this.retries > 5) {
          // The same failure again and again: stop re-sending and tell the respondent.
          this.forget(frame.id);
          this.bubble('error', frame.message);
          return;
        }
        this.resendLater((frame.retryAfterMs || 1000) * Math.min(this.retries, 8));
        return;
      }
      if (frame.id) {
        var refused = this.outbox.filter(function (entry) { return entry.frame.id === frame.id; })[0];
        this.forget(frame.id);
        if (refused && refused.frame.type === 'text' && frame.code === 'frame_too_large') {
          // Give the respondent the text back to shorten, instead of a bubble that was never sent.
          if (refused.bubble && refused.bubble.parentNode) {
            refused.bubble.parentNode.removeChild(refused.bubble);
          }
          this.input.value = refused.frame.text;
        }
      }
      if (frame.code === 'unknown_token' && this.tokenStored && !this.getAttribute('token') && !fragmentToken()) {
        // A stored open-link token that the server no longer knows: start afresh through the open link.
        if (storage()) {
          storage().removeItem(this.storageKey);
        }
        this.token = null;
        this.tokenStored = false;
        if (this.socket) {
          this.socket.close();
        }
        return;
      }
      this.bubble('error', frame.message);
      if (frame.code === 'unknown_token' || frame.code === 'unknown_survey') {
        this.stopped = true;
        this.showNotice(null);
        this.footer.hidden = true;
      }
    }

    onAsk(ask) {
      var same = this.ask && this.ask.step === ask.step && this.ask.ask === ask.ask && this.ask.text === ask.text;
      this.retries = 0;
      if (this.noticeKey === 'unavailable') {
        this.showNotice(null);
      }
      var focusedCode = null;
      var active = this.shadowRoot.activeElement;
      if (same && active && active.dataset) {
        focusedCode = active.dataset.code || null;
      }
      if (!same) {
        this.promptBubble = this.bubble('bot', ask.text, 'prompt');
        if (ask.details) {
          this.promptBubble.appendChild(this.details(ask.details));
        }
      }
      this.ask = ask;
      if (this.unacknowledgedToShow) {
        this.unacknowledgedToShow = false;
        this.showUnacknowledged();
      }
      this.showProgress(ask.progress);
      this.renderChoices(ask);
      this.showEntry(ask);
      this.footer.hidden = false;
      this.form.hidden = false;
      if (!same) {
        this.showPrompt();
      }
      this.focusPrompt(same ? focusedCode : null);
    }

    /** A foldable text under the question: its hint, or the full privacy text beside the consent. */
    details(details) {
      var node = el('details', 'details');
      node.appendChild(el('summary', null, details.summary));
      node.appendChild(el('p', null, details.text));
      return node;
    }

    /** Scrolls so the question is read from its first line, even when it is taller than the log. */
    showPrompt() {
      var prompt = this.promptBubble;
      if (!prompt || !prompt.parentNode) {
        return;
      }
      var log = this.log;
      // The log is positioned, so offsetTop is measured from the top of its scrolled content.
      log.scrollTop = prompt.offsetHeight + 16 > log.clientHeight ? prompt.offsetTop - 8 : log.scrollHeight;
    }

    showProgress(progress) {
      if (!progress) {
        this.progressBox.hidden = true;
        return;
      }
      this.progressBox.hidden = false;
      this.progressBar.max = progress.total;
      this.progressBar.value = progress.current;
      this.progressBar.setAttribute('aria-valuetext', progress.text);
      this.progressText.textContent = progress.text;
    }

    renderChoices(ask) {
      var self = this;
      var multiple = ask.input === 'multiple_choice';
      var selected = ask.selected || [];
      var buttons = ask.buttons || [];
      var engineCode = function (button) { return button.code.charAt(0) === '#'; };
      // "Klaar" beside answer options stands out; a prompt of engine buttons only (Ja / Nee) keeps them equal.
      var mixed = buttons.some(engineCode) && !buttons.every(engineCode);
      this.choices.textContent = '';
      var scale = ask.input === 'rating' ? this.scale(ask, buttons.filter(function (b) { return !engineCode(b); })) : null;
      buttons.forEach(function (button) {
        if (scale && !engineCode(button)) {
          return;
        }
        var node = el('button', 'choice');
        node.type = 'button';
        node.dataset.code = button.code;
        if (button.number > 0) {
          node.appendChild(el('span', 'number', String(button.number)));
        }
        node.appendChild(el('span', 'label', button.label));
        var toggle = multiple && button.code.charAt(0) !== '#';
        if (mixed && button.code.charAt(0) === '#') {
          node.classList.add('action');
        }
        if (toggle) {
          node.classList.add('toggle');
          node.setAttribute('aria-pressed', selected.indexOf(button.code) >= 0 ? 'true' : 'false');
        }
        node.addEventListener('click', function () {
          if (toggle) {
            self.toggle(node, button);
          } else {
            self.choose(button);
          }
        });
        self.choices.appendChild(node);
      });
      this.choices.hidden = !(ask.buttons && ask.buttons.length);
    }

    /**
     * A rating's points side by side (two rows when more than seven), its named ends below them. The points are a
     * radio group: each says its number, the ends also their label ("1, Nog op papier").
     */
    scale(ask, points) {
      var self = this;
      var box = el('div', 'scale');
      var group = el('div', 'points');
      group.setAttribute('role', 'radiogroup');
      group.setAttribute('aria-label', this.text('choices'));
      var columns = points.length > 7 ? Math.ceil(points.length / 2) : points.length;
      group.style.gridTemplateColumns = 'repeat(' + columns + ', minmax(0, 1fr))';
      var ends = ask.scale || {};
      points.forEach(function (button, i) {
        var node = el('button', 'choice point', button.label);
        node.type = 'button';
        node.dataset.code = button.code;
        node.setAttribute('role', 'radio');
        node.setAttribute('aria-checked', 'false');
        var end = i === 0 ? ends.low : (i === points.length - 1 ? ends.high : null);
        if (end) {
          node.setAttribute('aria-label', button.label + ', ' + end);
        }
        node.addEventListener('click', function () {
          node.setAttribute('aria-checked', 'true');
          self.choose(button);
        });
        group.appendChild(node);
      });
      box.appendChild(group);
      if (ends.low || ends.high) {
        var labels = el('div', 'ends');
        labels.setAttribute('aria-hidden', 'true');
        labels.append(el('span', 'low', (points.length ? points[0].label + ' ' : '') + (ends.low || '')),
          el('span', 'high', (ends.high || '') + (points.length ? ' ' + points[points.length - 1].label : '')));
        box.appendChild(labels);
      }
      this.choices.appendChild(box);
      return box;
    }

    /** A number question's text box: a numeric keyboard on phones, its unit beside it. */
    showEntry(ask) {
      var number = ask.input === 'text' ? ask.number : null;
      if (number) {
        this.input.setAttribute('inputmode', number.decimals > 0 ? 'decimal' : 'numeric');
      } else {
        this.input.removeAttribute('inputmode');
      }
      this.unit.textContent = number && number.unit ? number.unit : '';
      this.unit.hidden = !(number && number.unit);
    }

    focusPrompt(code) {
      if (!this.interacted) {
        return;
      }
      var target = null;
      if (code) {
        target = this.choices.querySelector('button[data-code="' + CSS.escape(code) + '"]');
      }
      if (!target && this.ask && this.ask.input !== 'text') {
        target = this.choices.querySelector('button');
      }
      (target || this.input).focus();
    }

    setCompleted(completed) {
      this.completed = !!completed;
      if (this.completed) {
        this.footer.hidden = true;
        this.progressBox.hidden = true;
        this.showNotice('completed');
      }
    }

    // --- respondent's actions --------------------------------------------------------------------

    sendText() {
      var text = this.input.value.trim();
      if (!text || this.completed) {
        return;
      }
      this.interacted = true;
      this.input.value = '';
      this.post({ type: 'text', text: text }, text);
    }

    choose(button) {
      this.interacted = true;
      var shown = button.label;
      if (this.ask && this.ask.input === 'multiple_choice' && button.code === '#done') {
        var labels = Array.prototype.map.call(this.choices.querySelectorAll('button[aria-pressed="true"] .label'),
          function (node) { return node.textContent; });
        if (labels.length) {
          shown = labels.join(', ');
        }
      }
      Array.prototype.forEach.call(this.choices.querySelectorAll('button'), function (node) { node.disabled = true; });
      this.post({ type: 'choice', code: button.code }, shown);
    }

    toggle(node, button) {
      this.interacted = true;
      node.setAttribute('aria-pressed', node.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
      this.post({ type: 'choice', code: button.code });
    }

    bubble(speaker, text, kind) {
      var node = el('div', 'bubble ' + speaker + (kind ? ' ' + kind : ''));
      if (speaker !== 'error') {
        node.appendChild(el('span', 'sr-only', this.text(speaker === 'respondent' ? 'you' : 'bot') + ': '));
      } else {
        node.setAttribute('role', 'alert');
      }
      node.appendChild(el('span', 'text', text));
      this.log.appendChild(node);
      this.log.scrollTop = this.log.scrollHeight;
      return node;
    }
  }

  window.customElements.define('peilbot-chat', PeilbotChat);
}());
