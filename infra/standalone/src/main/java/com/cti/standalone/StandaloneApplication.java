package com.cti.standalone;

import com.cti.admin.AdminApplication;
import com.cti.ingest.IngestApplication;
import com.cti.processor.ProcessorApplication;
import com.cti.query.QueryApplication;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The four services in one Spring context, serving every public path on one port.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({ IngestApplication.class, ProcessorApplication.class, QueryApplication.class, AdminApplication.class })
public class StandaloneApplication {

}
