package dev.sextant.server.demo;

/** Who changes what in the demo, written as the API records a dashboard user: {@code user <email> (<user id>)}. */
final class DemoActors {
    /** Runs the support team; owns the support bot's prompts. */
    static final String SUPPORT_LEAD = "user priya.shah@acme.example (usr_demo_priya)";
    /** Platform engineer for the coding assistant. */
    static final String DEV_TOOLS = "user marco.rossi@acme.example (usr_demo_marco)";
    /** Content marketing; owns the campaign flow. */
    static final String CONTENT_LEAD = "user lena.berg@acme.example (usr_demo_lena)";
    /** The workspace admin who set the agents up. */
    static final String ADMIN = "user demo-admin@acme.example (usr_demo_admin)";

    private DemoActors() {}
}
