package org.portal.users;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.portal.users.identity.IdentityProvider;
import org.portal.users.identity.IdentityProviderUnavailable;

/**
 * The identity provider in module tests: records each call and can be told to fail, the way the
 * real provider fails when it is down. The end-to-end suite runs the Keycloak implementation.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class RecordingIdentityProvider implements IdentityProvider {

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile boolean down;
    private volatile List<String> staff = List.of("staff-one@portal.test", "staff-two@portal.test");

    /** What was asked, oldest first (a method: tests reach this bean through its client proxy). */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    public void down(boolean isDown) {
        this.down = isDown;
    }

    /** The portal administrators' addresses the provider names. */
    public void staff(List<String> addresses) {
        this.staff = List.copyOf(addresses);
    }

    @Override
    public Invited invite(String email, String displayName, URI afterSetup, Duration linkValidity) {
        check();
        calls.add("invite " + email + " then " + afterSetup);
        return new Invited(UUID.randomUUID().toString(), true, true);
    }

    @Override
    public void grantPortalUser(String subject) {
        check();
        calls.add("grant portal-user to " + subject);
    }

    @Override
    public void disable(String subject) {
        check();
        calls.add("disable " + subject);
    }

    @Override
    public void enable(String subject) {
        check();
        calls.add("enable " + subject);
    }

    @Override
    public List<String> staffAddresses() {
        check();
        return staff;
    }

    private void check() {
        if (down) {
            throw new IdentityProviderUnavailable("The identity provider did not complete the change");
        }
    }
}
