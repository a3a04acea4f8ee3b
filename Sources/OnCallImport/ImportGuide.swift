extension Importer {
    /// What `oncall import` accepts and how it maps, for `--help` and the README.
    public static let guide = """
        oncall import [zendesk|pagerduty|gitlab] [FILE...|-]

        Each FILE (or - for standard input) is one transaction: a bad input changes nothing and the error names
        the file, the JSON path (tickets[3].created_at) and what was expected. Without a vendor word the vendor
        is detected from the content. Several JSON documents in one input (JSON Lines) are read one after the
        other. Big lists are read element by element, so a 100,000-ticket export needs little memory.
        Importing the same data twice changes nothing. Every change is audited as import:<vendor>.

        Zendesk (tickets)
          Accepts: GET /api/v2/tickets/{id}.json (also a bare ticket object), tickets.json (offset or cursor
          pages), tickets/show_many.json, views/{id}/tickets, search.json (results of result_type ticket; others
          are skipped), search/export.json ({"results": [...], "meta": {"has_more", "after_cursor"}, "links"}:
          cursor pages of filter[type]=ticket results), incremental/tickets/cursor.json and the time-based
          incremental/tickets.json ({"tickets": [...], "next_page", "end_time", "end_of_stream"}; both include
          deleted tickets), with or without include=slas, users, organizations. A Zendesk error body
          ({"error": "RecordNotFound", "description": "Not found"}) is reported in Zendesk's own words.
          Mapping: id -> ticket number; subject; status (unknown custom statuses kept as unknown, with a
          warning; solved, closed and deleted leave the FRT pane); priority (null allowed); organization name
          from the organizations sideload (no organization = Needs Org; an id without the sideload shows as
          "org <id>" unless the store already has its name); assignee name from the users sideload; plan from
          the ticket form (imports.zendesk_plan_forms) else the first tag with a plan (imports.zendesk_plan_tags)
          else imports.zendesk_default_plan; region from the custom field imports.zendesk_region_field (a value
          containing AMER, EMEA or APAC). SLA: the first_reply_time metric decides: active -> its breach_at is
          the deadline (null -> computed), paused -> paused, achieved -> replied; only a next_reply_time metric
          -> replied; unknown stage -> computed, with a warning; no slas object -> the stored SLA fields are kept.
          Pending or on hold without a first_reply_time metric -> replied (an agent normally replies before
          setting pending; imports.zendesk_pending_replied = false turns this off); a first_reply_time metric,
          active or paused, still decides.
          A payload older than the stored ticket (updated_at) changes nothing; a manager's reply is kept.

        PagerDuty (emergencies and rota)
          Accepts: GET /incidents, GET /incidents/{id}, V3 webhook bodies ({"event": ...}: incident.triggered,
          .acknowledged, .escalated, .reassigned, .resolved; .annotated and other incident events are read,
          notes are skipped) one per input, as JSON Lines or as an array, and GET /oncalls.
          Identity: an emergency is found by its PagerDuty incident id, never by a number. An incident not seen
          before adopts an emergency made by hand or by the manual trigger (no incident yet) that names the same
          ticket and was open when the incident was created; otherwise it is a new emergency numbered with its
          incident number (the next free number when taken). The Zendesk ticket number found in the title with
          imports.pagerduty_ticket_pattern (first capture group) is an attribute: several incidents may name one
          ticket (the dashboard marks them "[PD #N, 2 on ticket]").
          Mapping: title (else summary without its "[#N]" prefix); paged at created_at (a webhook without it for
          a new incident: page time unknown, shown as such, no missed-page clock, until a payload carries it); engineer = first assignee (or the acknowledging user); acknowledged from
          acknowledgements or the acknowledged event; escalated event = missed page; resolved at resolved_at
          or the resolved event. States only move forward (a late triggered never reopens a resolved
          incident), so events replayed in any order end in the same state. Lead, hand-offs, checklist and
          the compromised flag are never touched. imports.pagerduty_services (names or ids) keeps only those
          services (default: all). /oncalls entries become rota shifts (source import:pagerduty, region from
          an AMER/EMEA/APAC schedule name); permanent on-calls without start/end are skipped with a warning.

        GitLab (escalations)
          Accepts: GET /projects/:id/issues (a JSON array), GET /projects/:id/issues/:iid, Issue Hook webhooks
          with object_kind issue or work_item (ISO or "YYYY-MM-DD HH:MM:SS UTC" timestamps, labels as strings
          or objects).
          Identity: an escalation is found by GitLab project id + iid (a renamed or moved project keeps its id);
          an issue not seen before adopts an escalation with its iid and no project (added by hand or stored
          before projects were recorded), otherwise it is a new escalation numbered with its iid (the next free
          number when another project's issue has it). The project path shows when the queue holds several.
          Mapping: ticket from a zendesk.com/agent/tickets/N link in the title or description, else
          a 5-10 digit number in the title; urgency from a scoped Urgency::<value> label, else an "Urgency:"
          line in the description (neither: urgency not set, a warning naming the issue, respond-by from
          escalation_minutes.unknown); customer from a "Customer:" line; Escalation::* labels kept (added to the
          manager's labels); closed -> resolved, closed with De-Escalation or unstarred -> rejected. An open
          escalation the manager acknowledged or assigned keeps that state and owner; a closed one stays closed.
        """
}
