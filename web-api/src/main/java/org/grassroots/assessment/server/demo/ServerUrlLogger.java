package org.grassroots.assessment.server.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/** Says where the server listens, on every start. */
@Component
class ServerUrlLogger implements ApplicationListener<WebServerInitializedEvent> {

    private static final Logger log = LoggerFactory.getLogger(ServerUrlLogger.class);

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String url = ServerUrl.of(event.getWebServer().getPort());
        log.info("基层党组织考评与明察暗访系统 is listening at {} (API under {}api, API docs {}swagger-ui.html)",
                url, url, url);
    }
}
