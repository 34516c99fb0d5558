package io.srecopilot.platform.events.catalog;

/** Every event type on the stream, each spelt once. Grouped by the service that emits it. */
public final class EventTypes {

    // ingest
    public static final String ALERT_GROUP_OPENED = "alertgroup.opened";
    public static final String ALERT_GROUP_UPDATED = "alertgroup.updated";
    public static final String ALERT_GROUP_RESOLVED = "alertgroup.resolved";
    public static final String CHANGE_RECORDED = "change.recorded";
    public static final String INTEGRATION_CREATED = "integration.created";
    public static final String INTEGRATION_UPDATED = "integration.updated";
    public static final String INTEGRATION_DELETED = "integration.deleted";

    // incidents
    public static final String INCIDENT_CREATED = "incident.created";
    public static final String INCIDENT_UPDATED = "incident.updated";
    public static final String INCIDENT_TRANSITIONED = "incident.transitioned";
    public static final String INCIDENT_COMMENTED = "incident.commented";
    public static final String INCIDENT_SETTINGS_UPDATED = "incident.settings_updated";
    public static final String NOTIFICATION_SENT = "notification.sent";
    public static final String NOTIFICATION_FAILED = "notification.failed";
    public static final String NOTIFICATION_CHANNEL_CREATED = "notification.channel_created";
    public static final String NOTIFICATION_CHANNEL_UPDATED = "notification.channel_updated";
    public static final String NOTIFICATION_CHANNEL_DELETED = "notification.channel_deleted";

    // ai
    public static final String ANALYSIS_STARTED = "analysis.started";
    public static final String ANALYSIS_COMPLETED = "analysis.completed";
    public static final String ANALYSIS_FAILED = "analysis.failed";
    public static final String POLICY_CREATED = "policy.created";
    public static final String POLICY_UPDATED = "policy.updated";
    public static final String POLICY_DELETED = "policy.deleted";
    public static final String POLICY_DECIDED = "policy.decided";
    public static final String RUNBOOK_CREATED = "runbook.created";
    public static final String RUNBOOK_UPDATED = "runbook.updated";
    public static final String RUNBOOK_DELETED = "runbook.deleted";
    public static final String RUNBOOK_USED = "runbook.used";
    public static final String HYPOTHESIS_FEEDBACK = "hypothesis.feedback";
    public static final String LLM_BUDGET_REACHED = "llm.budget.reached";
    public static final String LLM_BUDGET_UPDATED = "llm.budget.updated";
    public static final String SCORING_WEIGHTS_UPDATED = "scoring.weights.updated";

    // auth
    public static final String PROJECT_CREATED = "project.created";
    public static final String PROJECT_RENAMED = "project.renamed";
    public static final String PROJECT_ARCHIVED = "project.archived";
    public static final String PROJECT_UNARCHIVED = "project.unarchived";
    public static final String PROJECT_DELETED = "project.deleted";
    public static final String MEMBER_ADDED = "member.added";
    public static final String MEMBER_ROLE_CHANGED = "member.role_changed";
    public static final String MEMBER_LEFT = "member.left";
    public static final String MEMBER_REMOVED = "member.removed";
    public static final String MEMBER_INVITED = "member.invited";
    public static final String MEMBER_INVITATION_REVOKED = "member.invitation_revoked";
    public static final String USER_LOGIN = "user.login";
    public static final String USER_LOGIN_FAILED = "user.login_failed";
    /** A session ended by its user; realtime closes that user's live connections. */
    public static final String USER_LOGOUT = "user.logout";
    public static final String API_KEY_CREATED = "apikey.created";
    public static final String API_KEY_REVOKED = "apikey.revoked";

    // every service: a mutating API call, for the audit trail
    public static final String HTTP_REQUEST = "http.request";

    private EventTypes() {
    }
}
