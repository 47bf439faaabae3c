package org.portal.sections.lifecycles;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.sections.People.created;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portal.sections.People;
import org.portal.testsupport.MutableClock;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class LifecyclesTest {

    /** One transition as the issue and docs/decisions/0005 describe it, restated here independently of the migration. */
    record Rule(String name, Set<String> from, String to, Set<String> by) {
    }

    private static final Map<String, List<Rule>> RULES = Map.of(
            "cases", List.of(
                    new Rule("start", Set.of("new"), "in-progress", Set.of("agent")),
                    new Rule("ask-customer", Set.of("in-progress"), "waiting-for-customer", Set.of("agent")),
                    new Rule("answer", Set.of("waiting-for-customer"), "in-progress", Set.of("portal-user", "agent")),
                    new Rule("resolve", Set.of("new", "in-progress", "waiting-for-customer"), "resolved", Set.of("agent")),
                    new Rule("close", Set.of("resolved"), "closed", Set.of("portal-user", "agent")),
                    new Rule("reopen", Set.of("resolved"), "in-progress", Set.of("portal-user", "agent")),
                    new Rule("cancel", Set.of("new"), "cancelled", Set.of("portal-user"))),
            "orders", List.of(
                    new Rule("submit", Set.of("draft"), "submitted", Set.of("portal-user", "agent")),
                    new Rule("confirm", Set.of("submitted"), "confirmed", Set.of("agent")),
                    new Rule("reject", Set.of("submitted"), "rejected", Set.of("agent")),
                    new Rule("rework", Set.of("rejected"), "draft", Set.of("portal-user", "agent")),
                    new Rule("fulfil", Set.of("confirmed"), "fulfilled", Set.of("agent")),
                    new Rule("cancel", Set.of("draft", "submitted", "rejected"), "cancelled", Set.of("portal-user", "agent"))),
            "documents", List.of(
                    new Rule("approve", Set.of("draft"), "approved", Set.of("agent")),
                    new Rule("revise", Set.of("approved"), "draft", Set.of("agent")),
                    new Rule("archive", Set.of("approved"), "archived", Set.of("portal-user", "agent")),
                    new Rule("withdraw", Set.of("draft"), "withdrawn", Set.of("portal-user", "agent"))),
            "financial-product-requests", List.of(
                    new Rule("submit", Set.of("draft"), "submitted", Set.of("portal-user", "agent")),
                    new Rule("review", Set.of("submitted"), "under-review", Set.of("agent")),
                    new Rule("approve", Set.of("under-review"), "approved", Set.of("agent")),
                    new Rule("decline", Set.of("under-review"), "declined", Set.of("agent")),
                    new Rule("return", Set.of("submitted", "under-review"), "draft", Set.of("agent")),
                    new Rule("withdraw", Set.of("draft", "submitted", "under-review"), "withdrawn", Set.of("portal-user"))),
            "contracts", List.of(
                    new Rule("offer", Set.of("draft"), "offered", Set.of("agent")),
                    new Rule("withdraw-offer", Set.of("offered"), "draft", Set.of("agent")),
                    new Rule("sign", Set.of("offered"), "active", Set.of("portal-user", "agent")),
                    new Rule("decline", Set.of("offered"), "declined", Set.of("portal-user")),
                    new Rule("terminate", Set.of("active"), "terminated", Set.of("agent")),
                    new Rule("expire", Set.of("active"), "expired", Set.of("agent"))));

    private static final Map<String, String> INITIAL = Map.of("cases", "new", "orders", "draft", "documents", "draft",
            "financial-product-requests", "draft", "contracts", "draft");

    private static final Map<String, Map<String, Object>> VALUES = Map.of(
            "cases", Map.of("subject", "Printer on fire"),
            "orders", Map.of("number", "PO-1", "amount", 100, "currency", "EUR"),
            "documents", Map.of("title", "Quote", "document-type", "quote"),
            "financial-product-requests", Map.of("product-type", "loan", "amount", 5000, "currency", "EUR"),
            "contracts", Map.of("number", "C-1", "starts-on", "2026-12-01"));

    MutableClock clock;
    People.Person carla;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        carla = People.portalUser(UUID.randomUUID(), "account");
    }

    @ParameterizedTest
    @ValueSource(strings = { "cases", "orders", "documents", "financial-product-requests", "contracts" })
    void theSectionDeclaresExactlyTheseTransitions(String section) {
        List<Map<String, Object>> declared = given().auth().oauth2(People.AGENT).get("/api/sections/" + section).then()
                .statusCode(200).body("lifecycle.initial", equalTo(INITIAL.get(section))).extract()
                .path("lifecycle.transitions");
        List<Rule> served = declared.stream().map(t -> new Rule((String) t.get("name"), Set.copyOf(strings(t.get("from"))),
                (String) t.get("to"), Set.copyOf(strings(t.get("by"))))).toList();
        assertEquals(Set.copyOf(RULES.get(section)), Set.copyOf(served));
    }

    /**
     * Every transition from every one of its states: each actor it names succeeds, every other actor
     * gets 403 and the record stays where it was.
     */
    @ParameterizedTest
    @ValueSource(strings = { "cases", "orders", "documents", "financial-product-requests", "contracts" })
    void everyTransitionIsOpenToExactlyItsActors(String section) {
        for (Rule rule : RULES.get(section)) {
            for (String from : rule.from()) {
                for (String actor : List.of("portal-user", "agent", "admin")) {
                    String id = recordIn(section, from);
                    ValidatableResponse response = transition(token(actor), section, id, rule.to());
                    if (rule.by().contains(actor)) {
                        response.statusCode(200).body("status", equalTo(rule.to()));
                    } else {
                        response.statusCode(403).body("type", equalTo("urn:portal:problem:transition-forbidden"))
                                .body("transition", equalTo(rule.name()));
                        assertEquals(from, status(section, id), section + " " + rule.name() + " by " + actor);
                    }
                }
            }
        }
    }

    /** From every reachable state, every target no rule leads to from there is a 409 that changes nothing. */
    @ParameterizedTest
    @ValueSource(strings = { "cases", "orders", "documents", "financial-product-requests", "contracts" })
    void everyOtherMoveIsRefusedWithTheAllowedOnes(String section) {
        Set<String> states = new java.util.HashSet<>(paths(section).keySet());
        for (String from : states) {
            for (String to : states) {
                boolean ruled = RULES.get(section).stream().anyMatch(r -> r.from().contains(from) && r.to().equals(to));
                if (ruled || from.equals(to)) {
                    continue;
                }
                String id = recordIn(section, from);
                transition(People.AGENT, section, id, to).statusCode(409)
                        .body("type", equalTo("urn:portal:problem:transition-not-allowed"))
                        .body("state", equalTo(from));
                assertEquals(from, status(section, id));
            }
        }
    }

    @Test
    void aNewCaseStartsNew() {
        People.create(carla.token(), "cases", Map.of("values", VALUES.get("cases"))).statusCode(201)
                .body("status", equalTo("new")).body("statusChangedAt", notNullValue());
    }

    @Test
    void aCaseGoesThroughItsWholeLifeAndEveryStepIsInItsHistory() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        transition(People.AGENT, "cases", id, "in-progress").statusCode(200);
        transition(People.AGENT, "cases", id, "waiting-for-customer").statusCode(200);
        transition(carla.token(), "cases", id, "in-progress").statusCode(200);
        transition(People.AGENT, "cases", id, "resolved").statusCode(200);
        transition(carla.token(), "cases", id, "closed").statusCode(200).header("ETag", "\"5\"");
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + id + "/history").then().statusCode(200)
                .body("action", contains("created", "transition", "transition", "transition", "transition", "transition"))
                .body("changes.status.to.findAll { it != null }", contains("in-progress", "waiting-for-customer",
                        "in-progress", "resolved", "closed"))
                .body("actor", contains(carla.subject(), "agent-1", "agent-1", carla.subject(), "agent-1", carla.subject()));
    }

    @Test
    void theRefusalListsWhereTheCallerCanGo() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        transition(carla.token(), "cases", id, "closed").statusCode(409)
                .body("state", equalTo("new")).body("allowed", contains("cancelled"));
    }

    @Test
    void thePortalUserCancelsOnlyWhileNew() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        transition(People.AGENT, "cases", id, "in-progress").statusCode(200);
        transition(carla.token(), "cases", id, "cancelled").statusCode(409);
        String fresh = created(carla.token(), "cases", VALUES.get("cases"));
        transition(carla.token(), "cases", fresh, "cancelled").statusCode(200).body("status", equalTo("cancelled"));
    }

    @Test
    void thePortalUserReopensWithinFourteenDaysOfResolution() {
        String id = resolvedCase();
        clock.advance(Duration.ofDays(14).minusMinutes(1));
        transition(carla.token(), "cases", id, "in-progress").statusCode(200);
    }

    @Test
    void afterTheWindowThePortalUserCannotReopenButAnAgentCan() {
        String id = resolvedCase();
        clock.advance(Duration.ofDays(14).plusMinutes(1));
        transition(carla.token(), "cases", id, "in-progress").statusCode(409)
                .body("type", equalTo("urn:portal:problem:transition-expired"));
        assertEquals("resolved", status("cases", id));
        transition(People.AGENT, "cases", id, "in-progress").statusCode(200);
    }

    @Test
    void theReopenWindowIsTheDefinitions() {
        Map<String, Object> definition = given().auth().oauth2(People.ADMIN).get("/api/admin/sections/cases").then()
                .statusCode(200).extract().as(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> lifecycle = (Map<String, Object>) definition.get("lifecycle");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> transitions = (List<Map<String, Object>>) lifecycle.get("transitions");
        transitions.stream().filter(t -> t.get("name").equals("reopen")).forEach(t -> t.put("withinDays", 30));
        try {
            change("cases", definition, lifecycle).statusCode(200);
            String id = resolvedCase();
            clock.advance(Duration.ofDays(20));
            transition(carla.token(), "cases", id, "in-progress").statusCode(200);
        } finally {
            transitions.stream().filter(t -> t.get("name").equals("reopen")).forEach(t -> t.put("withinDays", 14));
            change("cases", definition, lifecycle).statusCode(200);
        }
    }

    @Test
    void eachCallerIsToldTheTransitionsOpenToThemNow() {
        String id = resolvedCase();
        available(carla.token(), id).body("name", containsInAnyOrder("close", "reopen"))
                .body("find { it.name == 'reopen' }.to", equalTo("in-progress"))
                .body("find { it.name == 'close' }.label", equalTo("Closed"));
        available(People.AGENT, id).body("name", containsInAnyOrder("close", "reopen"));
        clock.advance(Duration.ofDays(15));
        available(carla.token(), id).body("name", contains("close"));
        available(People.ADMIN, id).body("", hasSize(0));
    }

    @Test
    void aStateNotInTheLifecycleIsAValidationError() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        transition(People.AGENT, "cases", id, "on-fire").statusCode(400).body("errors.field", contains("to"));
    }

    @Test
    void aSectionWithoutLifecycleHasNoTransitions() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        String id = created(pat.token(), "leads", Map.of("title", "Big fish"));
        transition(pat.token(), "leads", id, "won").statusCode(409).body("type", equalTo("urn:portal:problem:no-lifecycle"));
    }

    @Test
    void aCaseOutsideTheCallersAccountIsNotFound() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        People.Person other = People.portalUser(UUID.randomUUID(), "account");
        transition(other.token(), "cases", id, "cancelled").statusCode(404);
        assertEquals("new", status("cases", id));
    }

    @Test
    void aLockedStateKeepsTheValues() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        transition(carla.token(), "cases", id, "cancelled").statusCode(200);
        given().auth().oauth2(People.AGENT).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("values", Map.of("priority", "high"))).patch("/api/sections/cases/records/" + id).then()
                .statusCode(409).body("type", equalTo("urn:portal:problem:record-locked"));
    }

    @Test
    void aStaleIfMatchIsRefused() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        transition(People.AGENT, "cases", id, "in-progress").statusCode(200);
        given().auth().oauth2(People.AGENT).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("to", "resolved")).post("/api/sections/cases/records/" + id + "/transitions").then()
                .statusCode(412);
        assertEquals("in-progress", status("cases", id));
    }

    @Test
    void ofConcurrentCallersTakingTheSameTransitionOneWins() throws Exception {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> calls = Collections.nCopies(8,
                    () -> transition(People.AGENT, "cases", id, "in-progress").extract().statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + id + "/history").then()
                .body("action", hasSize(2));
    }

    @Test
    void aLifecycleCannotDropAStateRecordsAreIn() {
        Map<String, Object> definition = given().auth().oauth2(People.ADMIN).get("/api/admin/sections/orders").then()
                .statusCode(200).extract().as(Map.class);
        created(carla.token(), "orders", VALUES.get("orders"));
        Map<String, Object> lifecycle = Map.of("initial", "open",
                "states",
                List.of(Map.of("name", "open", "label", "Open", "open", true), Map.of("name", "done", "label", "Done")),
                "transitions",
                List.of(Map.of("name", "finish", "from", List.of("open"), "to", "done", "by", List.of("agent"))));
        change("orders", definition, lifecycle).statusCode(409).body("type", equalTo("urn:portal:problem:state-holds-records"));
    }

    @Test
    void aLifecycleIsCheckedForConsistency() {
        Map<String, Object> lifecycle = new LinkedHashMap<>();
        lifecycle.put("initial", "nowhere");
        lifecycle.put("states", List.of(Map.of("name", "open", "label", "Open"), Map.of("name", "open", "label", "Again"),
                Map.of("name", "waiting", "label", "Waiting")));
        lifecycle.put("transitions", List.of(Map.of("name", "go", "from", List.of("open", "limbo"), "to", "gone",
                "by", List.of("agent"))));
        lifecycle.put("approval",
                Map.of("from", List.of("open"), "pending", "waiting", "approved", "open", "rejected", "open"));
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(Map.of("code", "tickets-" + suffix(),
                "title", "Tickets", "editions", List.of("customer"), "fields", List.of(Map.of("name", "title", "type", "text")),
                "lifecycle", lifecycle)).post("/api/admin/sections").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("lifecycle.states[1].name", "lifecycle.initial",
                        "lifecycle.transitions[0].to", "lifecycle.transitions[0].from", "lifecycle.approval.pending"));
    }

    private ValidatableResponse change(String section, Map<String, Object> definition, Object lifecycle) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", definition.get("title"));
        body.put("fields", definition.get("fields"));
        body.put("lifecycle", lifecycle);
        return given().auth().oauth2(People.ADMIN).contentType("application/json").body(body)
                .put("/api/admin/sections/" + section).then();
    }

    private String resolvedCase() {
        String id = created(carla.token(), "cases", VALUES.get("cases"));
        transition(People.AGENT, "cases", id, "resolved").statusCode(200);
        return id;
    }

    /** A fresh record of carla's, moved to the state by the shortest path of transitions. */
    private String recordIn(String section, String state) {
        String id = created(carla.token(), section, VALUES.get(section));
        for (Rule step : paths(section).get(state)) {
            transition(token(step.by().contains("agent") ? "agent" : "portal-user"), section, id, step.to()).statusCode(200);
        }
        return id;
    }

    /** For each state reachable from the initial one, the shortest list of transitions leading there. */
    private static Map<String, List<Rule>> paths(String section) {
        Map<String, List<Rule>> paths = new HashMap<>(Map.of(INITIAL.get(section), List.of()));
        Deque<String> queue = new ArrayDeque<>(List.of(INITIAL.get(section)));
        while (!queue.isEmpty()) {
            String state = queue.poll();
            for (Rule rule : RULES.get(section)) {
                if (rule.from().contains(state) && !paths.containsKey(rule.to())) {
                    List<Rule> path = new ArrayList<>(paths.get(state));
                    path.add(rule);
                    paths.put(rule.to(), path);
                    queue.add(rule.to());
                }
            }
        }
        return paths;
    }

    private String token(String actor) {
        return switch (actor) {
            case "agent" -> People.AGENT;
            case "admin" -> People.ADMIN;
            default -> carla.token();
        };
    }

    private static ValidatableResponse transition(String token, String section, String id, String to) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("to", to))
                .post("/api/sections/" + section + "/records/" + id + "/transitions").then();
    }

    private static ValidatableResponse available(String token, String id) {
        return given().auth().oauth2(token).get("/api/sections/cases/records/" + id + "/transitions").then().statusCode(200);
    }

    private static String status(String section, String id) {
        return given().auth().oauth2(People.AGENT).get("/api/sections/" + section + "/records/" + id).then().statusCode(200)
                .extract().path("status");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return (List<String>) list;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
