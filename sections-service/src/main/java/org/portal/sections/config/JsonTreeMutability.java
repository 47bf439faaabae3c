package org.portal.sections.config;

import org.hibernate.type.descriptor.java.MutableMutabilityPlan;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How Hibernate snapshots a JSON tree column to see whether it changed. Its default for a
 * serializable type goes through Java serialization, which Jackson answers with a plain mapper: the
 * copy's decimals are doubles, never equal to the exact originals, and every loaded record would look
 * changed and gain a version.
 */
public class JsonTreeMutability extends MutableMutabilityPlan<ObjectNode> {

    @Override
    protected ObjectNode deepCopyNotNull(ObjectNode value) {
        return value.deepCopy();
    }
}
