package io.srecopilot.ai.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyExpressionTest {

    private static final PolicyFacts CHECKOUT_DEPLOY = new PolicyFacts(0.91, "high", "checkout", "deploy_regression",
            true, "DETECTED", Map.of("team", "payments", "env", "prod"));

    private static boolean holds(String condition, PolicyFacts facts) {
        return PolicyExpression.parse(condition).test(facts);
    }

    @Test
    void theAutoAcknowledgeRuleOfTheProductReadsAsItIsMeant() {
        String rule = "confidence >= 0.85 AND precedent_exists AND state == \"DETECTED\"";
        assertTrue(holds(rule, CHECKOUT_DEPLOY));
        assertFalse(holds(rule, new PolicyFacts(0.84, "high", "checkout", "deploy_regression", true, "DETECTED",
                Map.of())));
        assertFalse(holds(rule, new PolicyFacts(0.95, "high", "checkout", "deploy_regression", false, "DETECTED",
                Map.of())));
    }

    /** Facts where "a" is precedent_exists, "b" confidence > 0.5 and "c" service == "checkout". */
    private static PolicyFacts facts(boolean a, boolean b, boolean c) {
        return new PolicyFacts(b ? 0.9 : 0.1, "high", c ? "checkout" : "search", "deploy_regression", a, "DETECTED",
                Map.of());
    }

    private static final String A = "precedent_exists";
    private static final String B = "confidence > 0.5";
    private static final String C = "service == \"checkout\"";

    @Test
    void andBindsTighterThanOr() {
        // a OR (b AND c) against (a OR b) AND c: a true and c false tells them apart.
        assertTrue(holds(A + " OR " + B + " AND " + C, facts(true, false, false)));
        assertFalse(holds("(" + A + " OR " + B + ") AND " + C, facts(true, false, false)), "the control binding");
        // (a AND b) OR c against a AND (b OR c): a false and c true tells them apart.
        assertTrue(holds(A + " AND " + B + " OR " + C, facts(false, false, true)));
        assertFalse(holds(A + " AND (" + B + " OR " + C + ")", facts(false, false, true)), "the control binding");
    }

    @Test
    void notBindsTighterThanAndAndOr() {
        // (NOT a) AND b against NOT (a AND b): both false tells them apart.
        assertFalse(holds("NOT " + A + " AND " + B, facts(false, false, false)));
        assertTrue(holds("NOT (" + A + " AND " + B + ")", facts(false, false, false)), "the control binding");
        // (NOT a) OR b against NOT (a OR b): a false, b true tells them apart.
        assertTrue(holds("NOT " + A + " OR " + B, facts(false, true, false)));
        assertFalse(holds("NOT (" + A + " OR " + B + ")", facts(false, true, false)), "the control binding");
        assertTrue(holds("NOT NOT " + A, facts(true, false, false)));
        assertFalse(holds("NOT NOT " + A, facts(false, false, false)));
    }

    @Test
    void keywordsAreReadInAnyCase() {
        assertTrue(holds("service == \"checkout\" and not category == \"traffic_surge\"", CHECKOUT_DEPLOY));
        assertFalse(holds("service == \"checkout\" and not category == \"deploy_regression\"", CHECKOUT_DEPLOY));
        assertTrue(holds(A + " Or " + B, facts(false, true, false)));
    }

    @Test
    void severityIsOrderedFromInfoToCritical() {
        assertTrue(holds("severity >= \"high\"", CHECKOUT_DEPLOY));
        assertTrue(holds("severity > \"medium\"", CHECKOUT_DEPLOY));
        assertFalse(holds("severity >= \"critical\"", CHECKOUT_DEPLOY));
        assertTrue(holds("severity < \"critical\"", CHECKOUT_DEPLOY));
        assertTrue(holds("severity in [\"critical\", \"high\"]", CHECKOUT_DEPLOY));
    }

    @Test
    void labelsAreTextAndAnAbsentLabelEqualsNothing() {
        assertTrue(holds("labels.team == \"payments\" AND labels.env in [\"prod\", \"staging\"]", CHECKOUT_DEPLOY));
        assertFalse(holds("labels.region == \"eu\"", CHECKOUT_DEPLOY));
        assertTrue(holds("labels.region != \"eu\"", CHECKOUT_DEPLOY));
        assertFalse(holds("labels.region in [\"eu\"]", CHECKOUT_DEPLOY));
    }

    @Test
    void textMayCarryQuotesAndAnyLanguage() {
        PolicyFacts facts = new PolicyFacts(0.5, "low", "svc \"q\" \\ ünïcødé 服务", null, false, "ACKNOWLEDGED",
                Map.of());
        assertTrue(holds("service == \"svc \\\"q\\\" \\\\ ünïcødé 服务\"", facts));
        assertFalse(holds("category == \"x\"", facts), "a null category equals no text");
    }

    @Test
    void mistakesAreNamedWithTheirPosition() {
        PolicySyntaxException unknown = assertThrows(PolicySyntaxException.class,
                () -> PolicyExpression.parse("confidence > 0.9 AND owner == \"me\""));
        assertEquals(21, unknown.position());
        assertTrue(unknown.getMessage().contains("Unknown field 'owner'"), unknown.getMessage());

        assertSyntaxError("confidence > \"high\"", "Expected number value for 'confidence', found 'high'");
        assertSyntaxError("severity >= \"urgent\"", "Severity is one of");
        assertSyntaxError("service > \"a\"", "can only be compared with == or !=");
        assertSyntaxError("confidence >= 0.9 AND", "Expected a field at the end");
        assertSyntaxError("(confidence >= 0.9", "Expected ')' at the end");
        assertSyntaxError("service", "Expected a comparison");
        assertSyntaxError("confidence = 0.9", "Expected ==");
        assertSyntaxError("labels.x-y == \"a\"", "Unexpected character '-'");
        assertSyntaxError("labels. == \"a\"", "is not a label name");
        assertSyntaxError("confidence >= 1.2.3", "is not a number");
        assertSyntaxError("confidence >= 1e999", "Unexpected 'e999'");
        assertSyntaxError("service == \"open", "Text is not closed");
        assertSyntaxError("service == \"a\\nb\"", "Only \\\" and \\\\ may be escaped");
        assertSyntaxError("   ", "The condition is empty");
        assertSyntaxError("precedent_exists precedent_exists", "Unexpected 'precedent_exists'");
    }

    @ParameterizedTest
    @ValueSource(strings = { "java.lang.System.exit(0)", "Runtime.getRuntime().exec(\"rm -rf /\")",
            "${jndi:ldap://x/a}", "__proto__ == 1", "service == 'checkout'", "eval(\"1\")", "#{1+1}",
            "service == \"a\" ; DROP TABLE policy", "confidence >= 0.9 || precedent_exists",
            "\u0000", "service == \"\u0007\"", "\uD83D\uDE00 == \"x\"" })
    void hostileOrForeignInputIsRefusedAsASyntaxError(String hostile) {
        assertThrows(PolicySyntaxException.class, () -> PolicyExpression.parse(hostile));
    }

    @Test
    void sizeNestingAndListsAreBounded() {
        assertSyntaxError("(".repeat(10_000) + "precedent_exists" + ")".repeat(10_000), "longer than 2000");
        assertSyntaxError("(".repeat(40) + "precedent_exists" + ")".repeat(40), "nests deeper than 32");
        assertSyntaxError("NOT ".repeat(40) + "precedent_exists", "nests deeper than 32");
        assertTrue(holds("(".repeat(30) + "precedent_exists" + ")".repeat(30), CHECKOUT_DEPLOY));
        String longList = "service in [" + "\"s\",".repeat(100) + "\"t\"]";
        assertSyntaxError(longList, "at most 100 values");
        assertSyntaxError("service == \"" + "x".repeat(300) + "\"", "longer than 256");
    }

    @Test
    void aLongFlatChainIsReadWithoutRecursingPerTerm() {
        String chain = String.join(" OR ", java.util.Collections.nCopies(100, "precedent_exists"));
        assertTrue(holds(chain, CHECKOUT_DEPLOY));
    }

    private static void assertSyntaxError(String condition, String expected) {
        PolicySyntaxException error = assertThrows(PolicySyntaxException.class, () -> PolicyExpression.parse(condition));
        assertTrue(error.getMessage().contains(expected), "'" + condition + "': " + error.getMessage());
    }
}
