// Shows the notice the query string asks for (?error, ?throttled, ?logout, ?expired).
for (const notice of document.querySelectorAll('[data-when]')) {
  notice.hidden = !new URLSearchParams(location.search).has(notice.dataset.when);
}
