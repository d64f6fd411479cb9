// Live comments: new published comments arrive as Server-Sent Events and are added to the thread
// without a reload. The page works without this script; it only saves a reload.
(function () {
  "use strict";
  var section = document.getElementById("comments");
  var list = document.getElementById("comment-list");
  if (!section || !list || !window.EventSource) return;
  var url = section.getAttribute("data-live");
  if (!url) return;

  function commentElement(comment) {
    var item = document.createElement("li");
    item.className = "comment comment--live";
    item.id = "comment-" + comment.id;
    item.setAttribute("data-comment-id", comment.id);
    var meta = document.createElement("p");
    meta.className = "comment__meta";
    var author = document.createElement("span");
    author.className = "comment__author";
    author.textContent = comment.displayName;
    meta.appendChild(author);
    if (comment.badge) {
      var badge = document.createElement("span");
      badge.className = "comment__badge";
      badge.textContent = comment.badge;
      meta.appendChild(document.createTextNode(" "));
      meta.appendChild(badge);
    }
    meta.appendChild(document.createTextNode(" · "));
    var time = document.createElement("time");
    time.setAttribute("datetime", comment.isoTime);
    time.textContent = "just now";
    meta.appendChild(time);
    item.appendChild(meta);
    var body = document.createElement("div");
    body.className = "comment__body";
    // bodyHTML is made on the server from the reader's plain text, every character escaped.
    body.innerHTML = comment.bodyHTML;
    item.appendChild(body);
    return item;
  }

  function place(comment) {
    if (document.getElementById("comment-" + comment.id)) return;
    var element = commentElement(comment);
    var parent = comment.parentID && document.getElementById("comment-" + comment.parentID);
    if (parent) {
      var replies = parent.querySelector(":scope > ol.comments--replies");
      if (!replies) {
        replies = document.createElement("ol");
        replies.className = "comments comments--replies";
        parent.appendChild(replies);
      }
      replies.appendChild(element);
    } else if (!comment.parentID) {
      list.appendChild(element);
    }
  }

  var source = new EventSource(url);
  source.addEventListener("comment", function (event) {
    try {
      place(JSON.parse(event.data));
    } catch (error) {
      // A malformed event is skipped; the next reload shows the thread as stored.
    }
  });
})();
