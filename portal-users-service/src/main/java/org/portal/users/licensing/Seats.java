package org.portal.users.licensing;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.problem.Conflict;
import org.portal.problem.ServiceUnavailable;

/** Seats and entitlements, asked of licensing-service; its refusals become this service's problems. */
@ApplicationScoped
public class Seats {

    private final LicensingClient licensing;

    public Seats(@RestClient LicensingClient licensing) {
        this.licensing = licensing;
    }

    /** Gives the user a seat of a valid license of the edition; refused when none is free. */
    public void give(UUID userId, String edition) {
        try {
            licensing.giveSeat(new LicensingClient.SeatGrant(userId, edition));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409 || e.getResponse().getStatus() == 422) {
                throw new Conflict("No seat of the " + edition + " edition could be given: "
                        + e.getResponse().readEntity(String.class));
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    /** The user's entitlement, or empty when they hold no valid seat. */
    public Optional<EntitlementView> entitlement(UUID userId) {
        try {
            return Optional.of(licensing.entitlement(userId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw unavailable(e);
        } catch (ProcessingException e) {
            throw unavailable(e);
        }
    }

    private static ServiceUnavailable unavailable(Exception e) {
        Log.warnf("licensing-service call failed: %s", e.toString());
        return new ServiceUnavailable("licensing", "Licensing service unavailable",
                "The licensing service did not answer; try again shortly");
    }
}
