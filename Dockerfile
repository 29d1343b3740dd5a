# Built from the same Maven build that CI runs: ./mvnw -B verify, then the Spring Boot jar.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY processes processes
RUN ./mvnw -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --create-home acolhida
WORKDIR /app
COPY --from=build /src/target/acolhida-*.jar /tmp/acolhida.jar
# The jar unpacked (application jar + lib/), then one training start on the embedded default that
# stops once the application context is up: the JVM writes the classes it loaded into a
# class-data-sharing archive, which every start maps instead of loading and verifying them again
# (StartupBench measures both). The archive belongs to this JRE and these jars, so it is made here.
RUN java -Djarmode=tools -jar /tmp/acolhida.jar extract --destination /app/application \
    && rm /tmp/acolhida.jar && mv /app/application/acolhida-*.jar /app/application/app.jar \
    && ACOLHIDA_DATA_DIR=/tmp/training java -XX:ArchiveClassesAtExit=/app/application/app.jsa \
       -Dspring.context.exit=onRefresh -jar /app/application/app.jar \
    && rm -rf /tmp/training
USER acolhida
EXPOSE 8080
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/application/app.jsa", "-jar", "/app/application/app.jar"]
