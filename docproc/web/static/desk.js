// The desk's little JavaScript: uploads with progress, the document view's boxes and saving.
// Pages work without it (plain forms); this adds drag and drop, live progress and in-place saves.
"use strict";

const csrf = () => document.body.dataset.csrf || "";

async function api(method, url, body) {
  const options = { method, headers: { "X-CSRF-Token": csrf(), "Accept": "application/json" }, credentials: "same-origin" };
  if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  let data = null;
  try { data = await response.json(); } catch (e) { data = null; }
  return { ok: response.ok, status: response.status, data };
}

// -- inbox: drag and drop, one request per file, then progress (pages done / pages) ----------

function uploadRow(list, name) {
  const li = document.createElement("li");
  li.className = "upload";
  li.innerHTML = '<span class="name"></span> <progress max="1" value="0"></progress> <span class="state">上传中…</span>';
  li.querySelector(".name").textContent = name;
  list.appendChild(li);
  return li;
}

function watchDocument(li, id) {
  const bar = li.querySelector("progress");
  const state = li.querySelector(".state");
  const poll = async () => {
    const { ok, data } = await api("GET", `/api/documents/${id}`);
    if (!ok) { state.textContent = (data && data.detail) || "无法读取状态"; return; }
    bar.max = Math.max(data.pages, 1);
    bar.value = data.pages_done;
    li.dataset.status = data.status;
    if (data.status === "failed") {
      state.textContent = `失败: ${data.error}`;
      li.classList.add("failed");
      return;
    }
    if (data.status === "done") {
      state.innerHTML = "";
      const link = document.createElement("a");
      link.href = `/documents/${id}`;
      link.textContent = `完成 ${data.pages_done} / ${data.pages} 页 — 审核 Review`;
      state.appendChild(link);
      if (data.error) state.append(` (${data.error})`);
      return;
    }
    state.textContent = `${data.status === "queued" ? "排队" : "识别中"} ${data.pages_done} / ${data.pages} 页`;
    setTimeout(poll, 700);
  };
  poll();
}

function sendFile(list, file) {
  const li = uploadRow(list, file.name);
  const form = new FormData();
  form.append("file", file, file.name);
  const request = new XMLHttpRequest();
  request.open("POST", "/api/documents");
  request.setRequestHeader("X-CSRF-Token", csrf());
  request.upload.onprogress = (e) => {
    if (e.lengthComputable) { li.querySelector("progress").value = e.loaded / e.total; }
  };
  request.onload = () => {
    let data = {};
    try { data = JSON.parse(request.responseText); } catch (e) { data = {}; }
    if (request.status === 202) {
      li.dataset.id = data.id;
      watchDocument(li, data.id);
    } else {
      li.classList.add("failed");
      li.querySelector(".state").textContent = `拒收: ${data.detail || request.status}`;
    }
  };
  request.onerror = () => { li.querySelector(".state").textContent = "网络错误"; };
  request.send(form);
}

function setUpInbox() {
  const zone = document.getElementById("dropzone");
  if (!zone) return;
  const list = document.getElementById("upload-list");
  const input = document.getElementById("file-input");
  const send = (files) => { for (const file of files) sendFile(list, file); };
  zone.addEventListener("dragover", (e) => { e.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", (e) => { e.preventDefault(); zone.classList.remove("over"); send(e.dataTransfer.files); });
  input.addEventListener("change", () => { send(input.files); input.value = ""; });
  document.getElementById("upload-submit").hidden = true;
  zone.addEventListener("submit", (e) => { e.preventDefault(); send(input.files); });
}

// -- document view: click a value to scroll to its box; edit; save with the version ---------

function showBox(key, page) {
  document.querySelectorAll(".box.active, .item.active").forEach((el) => el.classList.remove("active"));
  const box = document.getElementById(`box-${key}`);
  const target = box || (page ? document.getElementById(`page-${page}`) : null);
  if (box) box.classList.add("active");
  document.querySelectorAll(`.item[data-key="${key}"]`).forEach((el) => el.classList.add("active"));
  if (target) target.scrollIntoView({ behavior: "smooth", block: "center" });
  const row = document.getElementById(`row-${key}`);
  if (row) row.scrollIntoView({ behavior: "smooth", block: "nearest" });
}

function drawMatches() {
  const holder = document.getElementById("matches");
  if (!holder) return;
  const matches = JSON.parse(holder.textContent || "{}");
  for (const [number, boxes] of Object.entries(matches)) {
    const figure = document.getElementById(`page-${number}`);
    if (!figure) continue;
    const w = parseFloat(figure.dataset.width), h = parseFloat(figure.dataset.height);
    for (const [x0, y0, x1, y1] of boxes) {
      const div = document.createElement("div");
      div.className = "box match";
      Object.assign(div.style, { left: `${x0 / w * 100}%`, top: `${y0 / h * 100}%`,
        width: `${(x1 - x0) / w * 100}%`, height: `${(y1 - y0) / h * 100}%` });
      figure.appendChild(div);
    }
  }
}

function cellValue(textarea, isList, isString) {
  const text = textarea.value.trim();
  if (isList) return text ? text.split("\n").map((s) => s.trim()).filter(Boolean) : [];
  if (text) return text;
  return isString ? "" : null;
}

function collectRecord(form, original) {
  const record = JSON.parse(JSON.stringify(original));
  form.querySelectorAll("[data-field]").forEach((input) => { record[input.dataset.field] = input.value.trim() || null; });
  form.querySelectorAll("[data-list]").forEach((area) => {
    record[area.dataset.list] = area.value.split("\n").map((s) => s.trim()).filter(Boolean);
  });
  form.querySelectorAll("table[data-table]").forEach((table) => {
    const name = table.dataset.table;
    const strings = new Set(table.dataset.strings.split(",").filter(Boolean));
    const lists = new Set(table.dataset.lists.split(",").filter(Boolean));
    const before = original[name] || [];
    record[name] = [...table.tBodies[0].rows].map((row) => {
      const index = row.dataset.index;
      const entry = index !== undefined && index !== "" ? JSON.parse(JSON.stringify(before[Number(index)])) : {};
      row.querySelectorAll("[data-column]").forEach((cell) => {
        const column = cell.dataset.column;
        entry[column] = cellValue(cell, lists.has(column), strings.has(column));
      });
      return entry;
    });
  });
  return record;
}

function setUpReview() {
  const review = document.getElementById("review");
  if (!review) return;
  document.querySelectorAll(".item").forEach((item) => {
    const go = () => showBox(item.dataset.key, item.dataset.page);
    item.addEventListener("click", go);
    item.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
  });
  document.querySelectorAll(".box[data-key]").forEach((box) => box.addEventListener("click", () => showBox(box.dataset.key)));
  drawMatches();
  const start = document.getElementById(`page-${review.dataset.startPage}`);
  if (start && review.dataset.startPage !== "1") start.scrollIntoView({ block: "start" });
  const form = document.getElementById("notice-form");
  if (!form) return;
  const original = JSON.parse(document.getElementById("record").textContent);
  form.addEventListener("click", (e) => {
    if (e.target.classList.contains("remove-row")) e.target.closest("tr").remove();
    if (e.target.classList.contains("add-row")) {
      const table = form.querySelector(`table[data-table="${e.target.dataset.table}"]`);
      const row = document.createElement("tr");
      for (const column of table.dataset.columns.split(",")) {
        const td = document.createElement("td");
        const area = document.createElement("textarea");
        area.rows = 1;
        area.dataset.column = column;
        td.appendChild(area);
        row.appendChild(td);
      }
      const td = document.createElement("td");
      td.innerHTML = '<button type="button" class="remove-row" title="删除">✕</button>';
      row.appendChild(td);
      table.tBodies[0].appendChild(row);
    }
  });
  const message = document.getElementById("save-message");
  const save = document.getElementById("save");
  if (save) save.addEventListener("click", async () => {
    message.className = "";
    message.textContent = "保存中…";
    const { ok, status, data } = await api("PUT", `/api/documents/${review.dataset.doc}/notice`,
      { version: Number(review.dataset.version), notice: collectRecord(form, original) });
    if (ok) {
      review.dataset.version = data.version;
      message.textContent = `已保存（版本 ${data.version}）`;
      setTimeout(() => window.location.reload(), 600);
      return;
    }
    message.className = "error";
    message.textContent = (status === 409 ? "冲突 Conflict: " : "未保存 Not saved: ") + ((data && data.detail) || status);
  });
  const approve = document.getElementById("approve");
  if (approve) approve.addEventListener("click", async () => {
    const approved = approve.dataset.approved !== "true";
    const { ok, data } = await api("POST", `/api/documents/${review.dataset.doc}/approve?approved=${approved}`);
    if (ok) window.location.reload();
    else { message.className = "error"; message.textContent = (data && data.detail) || "失败"; }
  });
}

document.addEventListener("DOMContentLoaded", () => { setUpInbox(); setUpReview(); });
