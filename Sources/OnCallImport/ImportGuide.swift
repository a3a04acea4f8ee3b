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
          are skipped), incremental/tickets/cursor.json (including deleted tickets), with or without
          include=slas, users, organizations.
          Mapping: id -> ticket number; subject; status (unknown custom statuses kept as unknown, with a
          warning; solved, closed and deleted leave the FRT pane); priority (null allowed); organization name
          from the organizations sideload (no organization = Needs Org; an id without the sideload shows as
          "org <id>" unless the store already has its name); assignee name from the users sideload; plan from
          the ticket form (imports.zendesk_plan_forms) else the first tag with a plan (imports.zendesk_plan_tags)
          else imports.zendesk_default_plan; region from the custom field imports.zendesk_region_field (a value
          containing AMER, EMEA or APAC). SLA: the first_reply_time metric decides: active -> its breach_at is
          the deadline (null -> computed), paused -> paused, achieved -> replied; only a next_reply_time metric
          -> replied; unknown stage -> computed, with a warning; no slas object -> the stored SLA fields are kept.
          A payload older than the stored ticket (updated_at) changes nothing; a manager's reply is kept.

        PagerDuty (emergencies and rota)
          Accepts: GET /incidents, GET /incidents/{id}, V3 webhook bodies ({"event": ...}: incident.triggered,
          .acknowledged, .escalated, .reassigned, .resolved; .annotated and other incident events are read,
          notes are skipped) one per input, as JSON Lines or as an array, and GET /oncalls.
          Mapping: the emergency is addressed by the Zendesk ticket number found in the title with
          imports.pagerduty_ticket_pattern (first capture group), else by the incident number; paged at
          created_at; engineer = first assignee (or the acknowledging user); acknowledged from
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
          Mapping: id = iid; ticket from a zendesk.com/agent/tickets/N link in the title or description, else
          a 5-10 digit number in the title; urgency from a scoped Urgency::<value> label, else an "Urgency:"
          line in the description; customer from a "Customer:" line; Escalation::* labels kept (added to the
          manager's labels); closed -> resolved, closed with De-Escalation or unstarred -> rejected. An open
          escalation the manager acknowledged or assigned keeps that state and owner; a closed one stays closed.
        """
}
