"""A notice record as Markdown for a person to read (``docproc extract --format md``)."""

from __future__ import annotations

from docproc.model.notice import Evidence, Notice


def _cite(evidence: Evidence | None) -> str:
    if evidence is None or evidence.page is None:
        return ""
    return f" <sub>p.{evidence.page}</sub>"


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def notice_to_markdown(notice: Notice) -> str:
    """Headline fields, then one table per list (leaders, phases, deadlines, tasks, contacts)."""
    ev = notice.evidence
    out = [f"# {notice.title or '（无标题）'}", ""]
    fields = [
        ("文号", notice.doc_number, ev.get("doc_number")),
        ("发文机关", "、".join(notice.issuers) or None, ev.get("issuers")),
        ("文种", notice.doc_type, ev.get("doc_type")),
        ("成文日期", notice.issue_date, ev.get("issue_date")),
        ("印发日期", notice.print_date, ev.get("print_date")),
        ("主送", "；".join(notice.recipients) or None, ev.get("recipients")),
        ("印发的文件", "；".join(f"《{t}》" for t in notice.enclosed_titles) or None, None),
        ("附件", "；".join(notice.attachments) or None, None),
        ("引用文件", "；".join(c.number for c in notice.cited_documents) or None, None),
    ]
    for label, value, evidence in fields:
        if value:
            out.append(f"- **{label}**：{value}{_cite(evidence)}")
    out.append(f"- **来源**：{notice.source.file}（{notice.source.text_source}）")

    def table(title: str, header: list[str], rows: list[list[object]]) -> None:
        if not rows:
            return
        out.extend(["", f"## {title}", "", "| " + " | ".join(header) + " |",
                    "|" + "---|" * len(header)])
        out.extend("| " + " | ".join(_cell(v) for v in row) + " |" for row in rows)

    table("领导小组", ["机构", "职务", "姓名", "单位职务", "页"],
          [[x.group, x.role, x.name, x.position, x.evidence.page if x.evidence else None]
           for x in notice.leaders])
    table("工作阶段", ["阶段", "开始", "结束", "页"],
          [[x.name, x.start, x.end, x.evidence.page if x.evidence else None] for x in notice.phases])
    table("时限要求", ["日期", "事项", "报送", "周期", "页"],
          [[x.date or "", x.what, x.to, x.recurring, x.evidence.page if x.evidence else None]
           for x in notice.deadlines])
    table("任务", ["编号", "任务", "责任单位", "时限", "页"],
          [[x.number, x.title, "、".join(x.owners), x.deadline,
            x.evidence.page if x.evidence else None] for x in notice.tasks])
    table("联系人", ["姓名", "单位", "电话", "邮箱", "其他"],
          [[x.name, x.org, "、".join(x.phones), "、".join(x.emails), x.other]
           for x in notice.contacts])
    if notice.warnings:
        out.extend(["", "## 提示", ""])
        out.extend(f"- {w}" for w in notice.warnings)
    return "\n".join(out) + "\n"
