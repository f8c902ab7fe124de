# Muster: the front door. `make run` starts the whole system on embedded defaults,
# `make test` proves it. Only a JDK 17 is needed: the Maven wrapper fetches Maven.

MVN      ?= ./mvnw -B
DEVSTACK := .devstack
JAVA     ?= java

SERVICES := registry alerts notifier evacuation
comma    := ,

.PHONY: help build run test bench stop clean deploy-resources

help:
	@echo "make run    build, then start PostgreSQL, Kafka, Keycloak, SMTP, the Twilio sandbox and every service"
	@echo "make test   run every module's tests against real components"
	@echo "make bench  run the benchmarks and print their figures (see docs/benchmarks.md)"
	@echo "make stop   stop what make run started (from another terminal)"
	@echo "make clean  stop, then remove build output and the local stack's data"
	@echo "make deploy-resources  regenerate k8s/, helm/muster/charts/ and docs/api/*.openapi.yaml from the services"

build:
	$(MVN) -q install -DskipTests

run: build
	@$(JAVA) -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
		-Dlogging.configuration=file:src/devstack/src/main/resources/devstack-logging.properties \
		-cp "src/devstack/target/classes:$$(cat src/devstack/target/classpath.txt)" \
		org.muster.devstack.DevStack

test:
	$(MVN) install

bench: build
	$(MVN) -Pbench test -Dsurefire.failIfNoSpecifiedTests=false

# What the build generates from each service's configuration (quarkus-kubernetes, quarkus-helm) and
# code (its OpenAPI document), copied where people look for it. DeployResourcesTest and
# ApiDocumentsTest fail when the copies are out of date.
deploy-resources:
	$(MVN) -q package -DskipTests -pl $(subst $(eval) ,$(comma),$(addprefix src/,$(SERVICES))) -am
	@for s in $(SERVICES); do \
		cp src/$$s/target/openapi/openapi.yaml docs/api/$$s.openapi.yaml; \
		cp src/$$s/target/kubernetes/kubernetes.yml k8s/$$s.yml; \
		rm -rf helm/muster/charts/$$s && mkdir -p helm/muster/charts && \
		cp -r src/$$s/target/helm/kubernetes/$$s helm/muster/charts/$$s; \
	done

stop:
	@pid=$$(cat $(DEVSTACK)/devstack.pid 2>/dev/null); \
	if [ -n "$$pid" ] && kill -0 $$pid 2>/dev/null; then \
		kill $$pid; \
		while kill -0 $$pid 2>/dev/null; do sleep 0.5; done; \
		echo "stopped"; \
	else \
		echo "nothing running"; \
	fi

clean: stop
	$(MVN) -q clean
	rm -rf $(DEVSTACK)
