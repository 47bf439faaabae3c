package org.portal.sections.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StandardWebhooksTest {

    @Test
    void theSignatureIsTheSpecificationsExample() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                StandardWebhooks.signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330, "{\"test\": 2432232314}"));
    }

    @Test
    void eachEndpointGetsASecretOfItsOwn() {
        String secret = StandardWebhooks.newSecret();
        assertTrue(secret.startsWith("whsec_") && secret.length() > 40, secret);
        assertNotEquals(secret, StandardWebhooks.newSecret());
    }
}
