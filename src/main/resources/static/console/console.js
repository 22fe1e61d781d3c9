// The organisers' console: plain DOM, texts from the server's message bundles, CSRF token on every change.
(function () {
  'use strict';
  const texts = JSON.parse(document.getElementById('texts').textContent);
  const t = (key) => texts[key] || key;
  const lang = document.body.dataset.lang || 'nl';
  const csrf = {
    header: document.querySelector('meta[name=csrf-header]').content,
    token: document.querySelector('meta[name=csrf-token]').content
  };
  const $ = (id) => document.getElementById(id);

  async function call(method, url, body) {
    const options = { method, headers: { [csrf.header]: csrf.token, 'Accept': 'application/json' }, credentials: 'same-origin' };
    if (body instanceof FormData) {
      options.body = body;
    } else if (body !== undefined) {
      options.headers['Content-Type'] = 'application/json';
      options.body = JSON.stringify(body);
    }
    const response = await fetch(url, options);
    if (response.redirected && new URL(response.url).pathname === '/login') {
      location.href = '/login?expired';
      throw new Error('session expired');
    }
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    return { ok: response.ok, status: response.status, data };
  }

  function cell(row, value, className) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '' : String(value);
    if (className) td.className = className;
    row.appendChild(td);
    return td;
  }

  function fill(tbody, items, render) {
    tbody.replaceChildren(...items.map((item) => {
      const row = document.createElement('tr');
      render(row, item);
      return row;
    }));
  }

  const time = (iso) => iso ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL') : '';
  const duration = (seconds) => {
    if (seconds === null || seconds === undefined) return '–';
    const minutes = Math.floor(seconds / 60);
    return minutes + ' min ' + Math.round(seconds % 60) + ' s';
  };

  // The server builds the CSV (with its formula guard and byte order mark); the page only saves it.
  function downloadButton(label, filename, csv) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = label;
    button.addEventListener('click', () => {
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.appendChild(a);
      a.click();
      a.remove();
      URL.revokeObjectURL(url);
    });
    return button;
  }

  function copyButton(text) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = t('copy');
    button.addEventListener('click', async () => {
      try { await navigator.clipboard.writeText(text); button.textContent = t('copied'); } catch (e) { /* selection stays possible */ }
    });
    return button;
  }

  // --- wave list ---
  async function showWaves() {
    const { data } = await call('GET', '/console/api/waves');
    $('waves').replaceChildren(...data.map((wave) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '/console/waves/' + encodeURIComponent(wave.survey) + '?lang=' + lang;
      a.textContent = wave.title + ' (' + wave.wave + ')';
      li.append(a, ' – ' + t('state.' + wave.state));
      return li;
    }));
  }

  // --- outbox: pending and given-up messages per kind ---
  async function showOutbox() {
    const { ok, data } = await call('GET', '/console/api/outbox');
    if (!ok) {
      return;
    }
    const tbody = $('outbox').querySelector('tbody');
    if (data.kinds.length === 0) {
      const row = document.createElement('tr');
      const td = cell(row, t('outboxEmpty'));
      td.colSpan = 3;
      tbody.replaceChildren(row);
    } else {
      fill(tbody, data.kinds, (row, kind) => {
        cell(row, kind.kind);
        cell(row, kind.pending, 'number');
        cell(row, kind.givenUp, 'number' + (kind.givenUp > 0 ? ' warning' : ''));
      });
    }
    $('outbox-oldest').textContent = data.oldestPendingSeconds > 0
      ? t('outboxOldest') + ' ' + duration(data.oldestPendingSeconds) : '';
  }

  // --- one wave ---
  function wavePage(survey) {
    const base = '/console/api/waves/' + encodeURIComponent(survey);

    async function refreshDashboard() {
      const { data } = await call('GET', base + '/dashboard');
      $('title').textContent = data.title + ' (' + data.wave + ')';
      $('state').textContent = t('state.' + data.state);
      for (const button of document.querySelectorAll('[data-state]')) {
        button.setAttribute('aria-pressed', String(button.dataset.state === data.state));
      }
      if (document.activeElement !== $('target')) $('target').value = data.target;
      $('openLink').checked = data.openLink;
      $('invited').textContent = data.overall.invited;
      $('started').textContent = data.overall.started;
      $('completed').textContent = data.overall.completed;
      $('rate').textContent = data.responseRate === null ? '–' : Math.round(data.responseRate * 100) + '%';
      $('median').textContent = duration(data.medianSecondsToComplete);
      fill($('units'), data.units.concat([{ unit: t('overall'), ...data.overall }]), (row, u) => {
        cell(row, u.unit);
        cell(row, u.invited, 'number'); cell(row, u.started, 'number'); cell(row, u.completed, 'number');
      });
      fill($('funnel'), data.funnel, (row, step) => {
        cell(row, step.number + '. ' + step.text);
        cell(row, step.reached, 'number'); cell(row, step.left, 'number');
        cell(row, step.medianSeconds === null ? '–' : step.medianSeconds, 'number');
      });
      if (data.leftBeforeQuestions > 0) {
        const row = document.createElement('tr');
        cell(row, t('beforeQuestions')); cell(row, ''); cell(row, data.leftBeforeQuestions, 'number'); cell(row, '');
        $('funnel').appendChild(row);
      }
      $('live').textContent = t('updated') + ' ' + new Date(data.generatedAt).toLocaleTimeString(lang === 'en' ? 'en-GB' : 'nl-NL');
    }

    // One row per invitee grows with the wave, so it is fetched on request and by page, not on every live refresh.
    let respondentsPage = 0;
    async function refreshRespondents(page) {
      const { data } = await call('GET', base + '/respondents?size=50&page=' + page);
      respondentsPage = data.page;
      fill($('respondents'), data.rows, (row, r) => {
        cell(row, r.name); cell(row, r.unit); cell(row, r.dimensions);
        cell(row, t('status.' + r.status)); cell(row, time(r.lastAnswerAt)); cell(row, r.reminders, 'number');
      });
      const pages = Math.max(1, Math.ceil(data.total / data.size));
      $('respondents-page').textContent = (data.page + 1) + ' / ' + pages;
      $('respondents-previous').disabled = data.page === 0;
      $('respondents-next').disabled = data.page + 1 >= pages;
    }
    $('respondents-refresh').addEventListener('click', () => refreshRespondents(respondentsPage));
    $('respondents-previous').addEventListener('click', () => refreshRespondents(respondentsPage - 1));
    $('respondents-next').addEventListener('click', () => refreshRespondents(respondentsPage + 1));

    let mail = { enabled: false, mails: {}, declined: [] };
    function mailState(ref) {
      const parts = (mail.mails[ref] || []).map((m) => t('mail.' + m.kind.toLowerCase()) + ': ' + t('mail.' + m.state)
        + (m.reason && m.state !== 'sent' ? ' (' + m.reason + ')' : ''));
      if (mail.declined.includes(ref)) parts.unshift(t('declined'));
      return parts.join('; ');
    }
    async function sendInvitationMails(body) {
      const result = await call('POST', base + '/mail/invitations', body);
      const box = $('mail-result');
      const p = document.createElement('p');
      p.textContent = result.ok ? t('mailQueued') + ' ' + result.data.queued.length + '. '
        + t('mailSkipped') + ' ' + result.data.skipped.length + '.' : t('mailOff');
      box.replaceChildren(p);
      box.focus();
      refreshInvitations();
    }

    async function refreshInvitations() {
      const [{ data }, mailResult] = await Promise.all([call('GET', base + '/invitations'), call('GET', base + '/mail')]);
      if (mailResult.ok) mail = mailResult.data;
      $('mail-off').hidden = mail.enabled;
      fill($('invitations'), data, (row, invitation) => {
        const pick = cell(row, '');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.className = 'mail-pick';
        box.value = invitation.ref;
        box.setAttribute('aria-label', t('mailInvite') + ': ' + (invitation.name || invitation.unit));
        box.disabled = !invitation.email || invitation.status === 'revoked';
        pick.appendChild(box);
        cell(row, invitation.name); cell(row, invitation.email || (invitation.telegram ? '@' + invitation.telegram : ''));
        cell(row, invitation.unit); cell(row, invitation.dimensions); cell(row, t('status.' + invitation.status));
        cell(row, mailState(invitation.ref));
        const actions = cell(row, '');
        if (mail.enabled && invitation.email && invitation.status !== 'revoked') {
          const send = document.createElement('button');
          send.type = 'button';
          send.textContent = t('mailInvite');
          send.setAttribute('aria-label', t('mailInvite') + ': ' + (invitation.name || invitation.unit));
          send.addEventListener('click', () => sendInvitationMails({ refs: [invitation.ref] }));
          actions.append(send, ' ');
        }
        if (invitation.status !== 'revoked') {
          for (const [label, action, question] of [['revoke', 'revoke', 'confirmRevoke'], ['reissue', 'reissue', 'confirmReissue']]) {
            const button = document.createElement('button');
            button.type = 'button';
            button.textContent = t(label);
            button.setAttribute('aria-label', t(label) + ': ' + (invitation.name || invitation.unit));
            button.addEventListener('click', async () => {
              if (!confirm(t(question))) return;
              const result = await call('POST', base + '/invitations/' + encodeURIComponent(invitation.ref) + '/' + action);
              if (action === 'reissue' && result.ok) showLinks(result.data);
              refreshInvitations();
            });
            actions.append(button, ' ');
          }
        }
      });
    }

    function showLinks({ created, csv }) {
      const box = $('links');
      const intro = document.createElement('p');
      intro.className = 'notice';
      intro.textContent = t('newLinks');
      const table = document.createElement('table');
      const body = document.createElement('tbody');
      for (const link of created) {
        const row = document.createElement('tr');
        cell(row, link.name || link.unit);
        const web = cell(row, '');
        const code = document.createElement('code'); code.className = 'link'; code.textContent = link.webLink;
        web.append(code, ' ', copyButton(link.webLink));
        const telegram = cell(row, '');
        if (link.telegramLink) {
          const code2 = document.createElement('code'); code2.className = 'link'; code2.textContent = link.telegramLink;
          telegram.append(code2, ' ', copyButton(link.telegramLink));
        }
        body.appendChild(row);
      }
      table.appendChild(body);
      box.replaceChildren(intro, downloadButton(t('downloadLinks'), survey + '-links.csv', csv), table);
      box.focus();
    }

    function showProblems(problems) {
      const box = $('links');
      const intro = document.createElement('p');
      intro.textContent = t('problems');
      const list = document.createElement('ul');
      list.className = 'problems';
      for (const problem of problems) {
        const li = document.createElement('li');
        li.textContent = t('line') + ' ' + problem.line + ': ' + t('problem.' + problem.code) + (problem.value ? ' (' + problem.value + ')' : '');
        list.appendChild(li);
      }
      box.replaceChildren(intro, list);
      box.focus();
    }

    async function afterCreate(result, form) {
      if (result.ok) {
        showLinks(result.data);
        form.reset();
      } else if (result.data && result.data.problems) {
        showProblems(result.data.problems);
      } else {
        showProblems([{ line: 1, code: 'error', value: result.status }]);
      }
      refreshInvitations();
    }

    // The form asks the survey's own profile fields (from its flow); the unit of analysis is required.
    function named(byLanguage) {
      return byLanguage[lang] || Object.values(byLanguage)[0] || '';
    }
    async function loadProfile() {
      const { data } = await call('GET', base + '/invitations/profile');
      if (Object.keys(data.unit).length > 0) {
        const unit = named(data.unit);
        for (const label of document.querySelectorAll('[data-unit-label]')) {
          label.textContent = unit.charAt(0).toUpperCase() + unit.slice(1);
        }
      }
      $('profile-fields').replaceChildren(...data.fields.map((field) => {
        const p = document.createElement('p');
        const label = document.createElement('label');
        label.htmlFor = 'f-profile-' + field.id;
        label.textContent = named(field.label) + (field.unit ? ' (' + t('required') + ')' : '');
        let input;
        if (field.options.length > 0) {
          input = document.createElement('select');
          input.append(new Option('', ''), ...field.options.map((o) => new Option(named(o.label), o.code)));
        } else {
          input = document.createElement('input');
          input.required = field.unit;
        }
        input.id = 'f-profile-' + field.id;
        input.name = 'profile.' + field.id;
        p.append(label, ' ', input);
        return p;
      }));
    }

    $('one').addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = { profile: {} };
      for (const [name, value] of new FormData(event.target).entries()) {
        if (name.startsWith('profile.')) body.profile[name.slice('profile.'.length)] = value;
        else body[name] = value;
      }
      afterCreate(await call('POST', base + '/invitations', body), event.target);
    });
    $('upload').addEventListener('submit', async (event) => {
      event.preventDefault();
      afterCreate(await call('POST', base + '/invitations/upload', new FormData(event.target)), event.target);
    });
    for (const button of document.querySelectorAll('[data-state]')) {
      button.addEventListener('click', async () => {
        if (button.dataset.state === 'closed' && !confirm(t('confirmClose'))) return;
        await call('POST', base + '/state', { state: button.dataset.state });
        refreshDashboard();
      });
    }
    $('settings').addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await call('POST', base + '/settings', { target: Number($('target').value || 0), openLink: $('openLink').checked });
      $('settings-status').textContent = result.ok ? t('saved') : t('error') + ' ' + result.status;
    });

    $('mail-selected').addEventListener('click', () => {
      const refs = [...document.querySelectorAll('.mail-pick:checked')].map((box) => box.value);
      if (refs.length === 0) {
        $('mail-result').textContent = t('mailNone');
        return;
      }
      sendInvitationMails({ refs });
    });
    $('mail-all').addEventListener('click', () => sendInvitationMails({ notYetInvited: true }));
    for (const kind of ['invitation', 'reminder']) {
      $('preview-' + kind).addEventListener('click', async () => {
        const result = await call('GET', base + '/mail/preview?kind=' + kind);
        const box = $('mail-preview');
        if (!result.ok) {
          box.textContent = t('error') + ' ' + (result.data && result.data.detail ? result.data.detail : result.status);
          return;
        }
        const subject = document.createElement('p');
        subject.textContent = t('subject') + ' ' + result.data.subject;
        const text = document.createElement('pre');
        text.textContent = result.data.text;
        box.replaceChildren(subject, text);
      });
    }
    async function refreshSender() {
      const { ok, data } = await call('GET', base + '/mail');
      if (!ok) return;
      $('m-name').value = data.sender.name || '';
      $('m-replyTo').value = data.sender.replyTo || '';
    }
    $('mail-sender').addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await call('PUT', base + '/mail/sender', { name: $('m-name').value, replyTo: $('m-replyTo').value });
      $('mail-sender-status').textContent = result.ok ? t('saved') : t('error') + ' ' + result.status;
    });

    async function refreshReminders() {
      const { data } = await call('GET', base + '/reminders');
      $('reminder-rules').textContent = '(' + data.intervalDays + ' d, max ' + data.maxReminders + ', ' + data.stuckAfterDays + ' d)';
      fill($('candidates'), data.candidates, (row, c) => {
        cell(row, c.name); cell(row, c.unit); cell(row, t('reason.' + c.reason));
        cell(row, t('channel.' + (c.channel === 'email' && mail.enabled ? 'mail' : c.channel)));
        cell(row, c.remindersSent, 'number');
      });
      $('send-reminders').disabled = data.candidates.length === 0;
      if (data.candidates.length === 0) $('reminder-result').textContent = t('noCandidates');
    }
    $('refresh-reminders').addEventListener('click', refreshReminders);
    $('send-reminders').addEventListener('click', async () => {
      const { data } = await call('POST', base + '/reminders');
      const box = $('reminder-result');
      const sent = document.createElement('p');
      sent.textContent = t('remindersSent') + ' ' + data.byChat + '. ' + t('remindersMailed') + ' ' + data.byMail + '. '
        + t('remindersExported') + ' ' + data.emails.length + '.';
      const parts = [sent];
      if (data.emails.length > 0) {
        parts.push(downloadButton(t('downloadReminders'), survey + '-reminders.csv', data.csv));
      }
      box.replaceChildren(...parts);
      box.focus();
      refreshReminders();
      refreshInvitations();
    });

    let pending = null;
    function scheduleRefresh() {
      if (pending) return;
      pending = setTimeout(() => { pending = null; refreshDashboard(); }, 200);
    }
    const events = new EventSource(base + '/events');
    events.addEventListener('ready', () => { document.body.dataset.live = 'true'; refreshDashboard(); });
    events.addEventListener('progress', scheduleRefresh);
    events.onerror = () => { document.body.dataset.live = 'false'; $('live').textContent = t('offline'); };

    loadProfile();
    refreshDashboard();
    refreshRespondents(0);
    refreshInvitations();
    refreshReminders();
    refreshSender();
  }

  if (document.body.dataset.survey) {
    wavePage(document.body.dataset.survey);
  } else if ($('waves')) {
    showWaves();
    showOutbox();
    setInterval(showOutbox, 15000);
  }
})();
