package org.acolhida.support;

import java.util.Map;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A deployment as Camunda Modeler's Deploy button sends it: multipart to /engine-rest, HTTP Basic. */
public final class ModelerDeployment {

	private ModelerDeployment() {
	}

	public static ResponseEntity<String> deploy(TestRestTemplate rest, String user, Map<String, String> files) {
		MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
		body.add("deployment-name", "modeler deployment");
		body.add("deployment-source", "Camunda Modeler");
		files.forEach((name, content) -> body.add(name, new ByteArrayResource(content.getBytes()) {
			@Override
			public String getFilename() {
				return name;
			}
		}));
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return rest.postForEntity("/engine-rest/deployment/create", new HttpEntity<>(body, headers), String.class);
	}

}
