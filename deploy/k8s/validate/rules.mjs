import { readFileSync } from "node:fs";

// The installation rules, checked per object on a rendered overlay (validate.mjs). `base` is checked
// for what every render must have; every overlay under overlays/ is an installation and must have the
// rest. Each problem names the object it is about.

// Drain: shutdown delay (5 s) + timeout (20 s) of the services, plus a margin, fit in the grace period.
const DRAIN_SECONDS = 5 + 20 + 5;

export function rulesFor(overlay, objects) {
  const of = (kind) => objects.filter((o) => o.kind === kind);
  const problems = [];
  const problem = (object, text) => problems.push(`${object.kind}/${object.metadata.name}: ${text}`);
  const deployments = of("Deployment");
  if (deployments.length !== 4) problems.push(`expected the four services' Deployments, found ${deployments.length}`);

  for (const d of deployments) {
    const pod = d.spec.template.spec;
    if (pod.securityContext?.runAsNonRoot !== true) problem(d, "pod securityContext.runAsNonRoot must be true");
    if (pod.securityContext?.seccompProfile?.type !== "RuntimeDefault") problem(d, "pod seccompProfile must be RuntimeDefault");
    if (pod.automountServiceAccountToken !== false) problem(d, "the services need no Kubernetes API token");
    if ((pod.terminationGracePeriodSeconds ?? 30) < DRAIN_SECONDS) problem(d, `terminationGracePeriodSeconds below ${DRAIN_SECONDS}`);
    for (const c of pod.containers) containerRules(d, c, problem);
    if (databaseOf(pod.containers[0]) && env(pod.containers[0], "PORTAL_DB_MIGRATE") !== "false") {
      problem(d, "a Deployment does not migrate its schema (PORTAL_DB_MIGRATE=false); its Job does");
    }
    if (databaseOf(pod.containers[0]) && !of("Job").some((j) => j.metadata.name === `${d.metadata.name}-migrate`)) {
      problem(d, `no migration Job ${d.metadata.name}-migrate`);
    }
    if (!of("Service").some((s) => selects(s.spec.selector, d.spec.template.metadata.labels))) problem(d, "no Service selects its pods");
  }
  for (const j of of("Job")) {
    const c = j.spec.template.spec.containers[0];
    const service = deployments.find((d) => d.metadata.name === j.metadata.name.replace(/-migrate$/, ""));
    if (!service) problem(j, "migrates no known service");
    else if (c.image !== service.spec.template.spec.containers[0].image) problem(j, "must run the image of the service it migrates");
    if (env(c, "QUARKUS_INIT_AND_EXIT") !== "true" || env(c, "PORTAL_DB_MIGRATE") !== "true") problem(j, "must migrate and exit");
    if (service && JSON.stringify(databaseOf(c)) !== JSON.stringify(databaseOf(service.spec.template.spec.containers[0]))) {
      problem(j, "must migrate the database its service uses");
    }
  }
  if (overlay === "base") return problems;

  // An installation.
  const namespace = of("Namespace")[0];
  if (!namespace) problems.push("an installation creates its namespace");
  else if (namespace.metadata.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted") problem(namespace, "must enforce the restricted Pod Security Standard");
  const policies = of("NetworkPolicy");
  if (!policies.some((p) => Object.keys(p.spec.podSelector ?? {}).length === 0 && !p.spec.ingress && !p.spec.egress
      && ["Ingress", "Egress"].every((t) => p.spec.policyTypes?.includes(t)))) {
    problems.push("no default-deny NetworkPolicy (all pods, Ingress and Egress, no rule)");
  }
  const metricsPolicy = policies.find((p) => (p.spec.ingress ?? []).some((rule) => (rule.ports ?? []).some((port) => port.port === "management" || port.port === 9000)));
  if (!metricsPolicy) problems.push("no NetworkPolicy opens the management port (health and metrics) to the monitoring namespace");
  else if (metricsPolicy.spec.ingress.some((rule) => (rule.ports ?? []).some((port) => port.port === "management" || port.port === 9000) && !(rule.from ?? []).every((peer) => peer.namespaceSelector))) {
    problem(metricsPolicy, "the management port is opened to something other than a namespace (the monitoring one)");
  }
  const autoscaled = new Set(of("HorizontalPodAutoscaler").map((h) => h.spec.scaleTargetRef.name));
  for (const d of deployments) {
    if (autoscaled.has(d.metadata.name) && d.spec.replicas !== undefined) problem(d, "has replicas although an autoscaler owns the count");
    if (!autoscaled.has(d.metadata.name) && (d.spec.replicas ?? 1) < 2) problem(d, "a single replica: a node drain would stop the service");
    if (!of("PodDisruptionBudget").some((b) => selects(b.spec.selector.matchLabels, d.spec.template.metadata.labels))) problem(d, "no PodDisruptionBudget");
    const spread = new Set((d.spec.template.spec.topologySpreadConstraints ?? []).map((c) => c.topologyKey));
    if (!spread.has("kubernetes.io/hostname") || !spread.has("topology.kubernetes.io/zone")) problem(d, "replicas are not spread over zones and nodes");
    if (!of("PodMonitor").some((m) => selects(m.spec.selector.matchLabels, d.spec.template.metadata.labels)
        && m.spec.podMetricsEndpoints.some((e) => e.port === "management" && e.path === "/q/metrics"))) {
      problem(d, "no PodMonitor scrapes its metrics on the management port");
    }
  }
  const alerts = of("PrometheusRule").flatMap((r) => r.spec.groups.flatMap((g) => g.rules.map((rule) => rule.alert).filter(Boolean)));
  for (const alert of ["PortalServerErrors", "PortalQuotaUncounted", "PortalLookupFailures", "PortalDurableCountFailures", "PortalRestarts"]) {
    if (!alerts.includes(alert)) problems.push(`no alert ${alert} in any PrometheusRule`);
  }
  const gatewayService = of("Service").find((s) => s.metadata.name === "gateway");
  const routes = of("HTTPRoute").filter((r) => r.spec.rules.some((rule) => (rule.backendRefs ?? []).some((b) => b.name === "gateway")));
  if (!gatewayService || !routes.length) problems.push("no HTTPRoute to the gateway Service");
  for (const route of routes) {
    for (const parent of route.spec.parentRefs) {
      const gateway = of("Gateway").find((g) => g.metadata.name === parent.name);
      const listener = gateway?.spec.listeners.find((l) => l.name === parent.sectionName);
      if (!listener || listener.protocol !== "HTTPS" || !listener.tls?.certificateRefs?.length) {
        problem(route, `parent ${parent.name}/${parent.sectionName ?? "*"} is not an HTTPS listener with a certificate`);
      }
    }
  }
  const config = of("ConfigMap").find((c) => c.metadata.name.startsWith("portal-config"));
  if (config?.data.PORTAL_LOG_JSON !== "true") problems.push("an installation logs JSON lines (PORTAL_LOG_JSON=true in portal-config)");
  if (config?.data.PORTAL_PROXY_FORWARDING !== "true" || !config?.data.PORTAL_TRUSTED_PROXIES) {
    problems.push("behind the HTTPRoute the gateway must trust the forwarded headers of known proxies only (PORTAL_PROXY_FORWARDING, PORTAL_TRUSTED_PROXIES)");
  }
  backingServiceRules(objects, deployments, of, problem, problems);
  return problems;
}

function containerRules(d, c, problem) {
  for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
    if (c[probe]?.httpGet?.port !== "management") problem(d, `${c.name}: ${probe} must ask the management port`);
    if ((c[probe]?.timeoutSeconds ?? 1) < 2) problem(d, `${c.name}: ${probe} gives up after less than 2 s (a busy node's answer is late, not missing)`);
  }
  if (!(c.ports ?? []).some((p) => p.name === "management")) problem(d, `${c.name}: no port named management`);
  const { requests = {}, limits = {} } = c.resources ?? {};
  if (!limits.memory || requests.memory !== limits.memory) problem(d, `${c.name}: memory request must equal its limit (no overcommit, no OOM kill surprise)`);
  if (!requests.cpu) problem(d, `${c.name}: no CPU request`);
  const security = c.securityContext ?? {};
  if (security.allowPrivilegeEscalation !== false) problem(d, `${c.name}: allowPrivilegeEscalation must be false`);
  if (security.readOnlyRootFilesystem !== true) problem(d, `${c.name}: the root file system must be read-only`);
  if (!(security.capabilities?.drop ?? []).includes("ALL")) problem(d, `${c.name}: must drop all capabilities`);
  if (!/:[\w.-]+$|@sha256:/.test(c.image) || c.image.endsWith(":latest")) problem(d, `${c.name}: image ${c.image} has no fixed tag`);
}

function backingServiceRules(objects, deployments, of, problem, problems) {
  const clusters = of("Cluster");
  if (clusters.length) {
    const cluster = clusters[0];
    const databases = new Set([cluster.spec.bootstrap?.initdb?.database, ...of("Database").map((d) => d.spec.name)]);
    for (const d of deployments) {
      const database = databaseOf(d.spec.template.spec.containers[0]);
      if (!database) continue;
      const url = database.url?.value ?? "";
      const name = url.replace(/.*\//, "");
      if (!url.includes(`${cluster.metadata.name}-rw`) || !databases.has(name)) problem(d, `must use a database of the CloudNativePG Cluster ${cluster.metadata.name}`);
      const secret = database.password?.valueFrom?.secretKeyRef?.name;
      const roles = new Set([`${cluster.metadata.name}-app`, ...(cluster.spec.managed?.roles ?? []).map((r) => r.passwordSecret?.name)]);
      if (!roles.has(secret)) problem(d, `its database password must come from the Cluster's secrets, not ${secret}`);
    }
  }
  for (const realmImport of of("KeycloakRealmImport")) {
    const realm = realmImport.spec.realm;
    if (realm.sslRequired !== "all") problem(realmImport, "the realm must require TLS for every client (sslRequired: all)");
    if (realm.verifyEmail !== true) problem(realmImport, "e-mail verification must be on");
    for (const user of realm.users ?? []) {
      if (!user.serviceAccountClientId || user.credentials) problem(realmImport, `user ${user.username}: a production realm has no users but its service accounts`);
    }
    realmMatchesDevelopment(realmImport, problem);
    for (const client of realm.clients ?? []) {
      if (client.secret && !/^\$\{[A-Z_]+\}$/.test(client.secret)) problem(realmImport, `client ${client.clientId}: its secret must be a placeholder filled from a Secret`);
      const placeholder = /^\$\{([A-Z_]+)\}$/.exec(client.secret ?? "")?.[1];
      if (placeholder && !realmImport.spec.placeholders?.[placeholder]?.secret) problem(realmImport, `placeholder ${placeholder} is not taken from a Secret`);
    }
    if (!of("Keycloak").some((k) => k.metadata.name === realmImport.spec.keycloakCRName)) problem(realmImport, "imports into a Keycloak this overlay does not define");
  }
  for (const keycloak of of("Keycloak")) {
    if (!keycloak.spec.http?.tlsSecret) problem(keycloak, "must serve HTTPS (http.tlsSecret)");
  }
  const redisClusters = of("RedisCluster");
  if ((clusters.length || of("Keycloak").length) && !of("StatefulSet").some((s) => s.metadata.name === "redis") && !redisClusters.length) {
    problems.push("the backing services include Redis (StatefulSet redis or a RedisCluster)");
  }
  const config = of("ConfigMap").find((c) => c.metadata.name.startsWith("portal-config"));
  if (redisClusters.length && config?.data.PORTAL_REDIS_CLIENT_TYPE !== "cluster") {
    problems.push("with a RedisCluster the services talk to Redis in cluster mode (PORTAL_REDIS_CLIENT_TYPE=cluster)");
  }
  for (const redis of redisClusters) {
    if (!redis.spec.kubernetesConfig.redisSecret) problem(redis, "Redis must require a password (kubernetesConfig.redisSecret)");
    if ((redis.spec.redisFollower?.replicas ?? redis.spec.clusterSize) < 1) problem(redis, "each leader needs a follower to fail over to");
  }
}

// The production realm and the development realm (deploy/keycloak) must give the same roles, clients,
// audience mappers and service-account grants; only the development-only client may differ.
const developmentRealm = JSON.parse(readFileSync(new URL("../../keycloak/portal-realm-dev.json", import.meta.url), "utf8"));
const DEVELOPMENT_ONLY_CLIENTS = ["portal-dev"];

function realmMatchesDevelopment(realmImport, problem) {
  const shape = (realm) => canonical({
    roles: realm.roles,
    clients: realm.clients.filter((c) => !DEVELOPMENT_ONLY_CLIENTS.includes(c.clientId))
      .map(({ clientId, publicClient, standardFlowEnabled, serviceAccountsEnabled, directAccessGrantsEnabled, protocolMappers, attributes }) =>
        ({ clientId, publicClient, standardFlowEnabled, serviceAccountsEnabled, directAccessGrantsEnabled, protocolMappers, attributes })),
    serviceAccounts: realm.users.filter((u) => u.serviceAccountClientId)
      .map(({ serviceAccountClientId, realmRoles, clientRoles }) => ({ serviceAccountClientId, realmRoles, clientRoles })),
  });
  if (shape(realmImport.spec.realm) !== shape(developmentRealm)) {
    problem(realmImport, "roles, clients or service-account grants differ from deploy/keycloak/portal-realm-dev.json");
  }
}

/** JSON with object keys sorted: kustomize renders maps in its own key order. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value).filter((k) => value[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

function env(container, name) {
  return (container.env ?? []).find((e) => e.name === name)?.value;
}

function databaseOf(container) {
  const url = (container.env ?? []).find((e) => e.name === "PORTAL_DB_URL");
  if (!url) return undefined;
  return { url, password: (container.env ?? []).find((e) => e.name === "PORTAL_DB_PASSWORD") };
}

function selects(selector = {}, labels = {}) {
  return Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);
}
