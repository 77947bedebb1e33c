# Multi-stage build of the web app. docker-compose.yml runs it on PostgreSQL.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/KyodoPortal.Domain/KyodoPortal.Domain.csproj src/KyodoPortal.Domain/
COPY src/KyodoPortal.Web/KyodoPortal.Web.csproj src/KyodoPortal.Web/
RUN dotnet restore src/KyodoPortal.Web/KyodoPortal.Web.csproj -a $TARGETARCH -p:PublishReadyToRun=true
COPY src/ src/
# ReadyToRun: the app's and its packages' code is compiled ahead of time, so the first requests after
# a start do not wait for the JIT (docs/performance.md: cold start and warm-up).
RUN dotnet publish src/KyodoPortal.Web/KyodoPortal.Web.csproj -c Release -a $TARGETARCH --self-contained false \
    -p:PublishReadyToRun=true -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Japanese dates and eras need ICU; the image must not run in invariant-globalization mode.
# MALLOC_ARENA_MAX=2: glibc otherwise gives each busy thread its own malloc arena (about 20 MB less
# resident memory under load, docs/performance.md).
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    MALLOC_ARENA_MAX=2 \
    ASPNETCORE_HTTP_PORTS=8080 \
    Storage__DataPath=/app/data \
    Serilog__WriteTo__0__Args__configure__1__Args__path=/app/data/logs/kyodo-.log
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /app/data && chown -R $APP_UID /app/data
USER $APP_UID
VOLUME /app/data
EXPOSE 8080
ENTRYPOINT ["dotnet", "KyodoPortal.Web.dll"]
