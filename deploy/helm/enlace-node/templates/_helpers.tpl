{{/* Names and labels shared by every object of the chart. */}}
{{- define "enlace.fullname" -}}
{{- printf "%s-%s" .Release.Name (lower .Values.country) | trunc 52 | trimSuffix "-" -}}
{{- end -}}

{{- define "enlace.labels" -}}
app.kubernetes.io/name: enlace
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
enlace.network/country: {{ .Values.country | quote }}
{{- end -}}

{{- define "enlace.selector" -}}
app.kubernetes.io/name: enlace
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "enlace.image" -}}
{{ printf "%s:%s" .Values.image.repository .Values.image.tag | quote }}
{{- end -}}

{{/* The container's own hardening: nothing written outside /tmp and the secrets folder, no privilege to gain. */}}
{{- define "enlace.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: [ALL]
{{- end -}}

{{/*
Files of secrets: Kubernetes mounts a Secret's files readable by the pod's group, which the services refuse (a key
file must be its owner's only). An init container copies them into a memory-backed folder, mode 0600.
*/}}
{{- define "enlace.secretFiles.initContainer" -}}
- name: install-secret-files
  image: {{ include "enlace.image" . }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  command: ['sh', '-c', 'install -m 0600 /secret-files-mounted/* /run/secrets/enlace/']
  securityContext:
    {{- include "enlace.containerSecurityContext" . | nindent 4 }}
  volumeMounts:
    - { name: secret-files-mounted, mountPath: /secret-files-mounted, readOnly: true }
    - { name: secret-files, mountPath: /run/secrets/enlace }
{{- end -}}

{{- define "enlace.secretFiles.volumes" -}}
- name: secret-files-mounted
  secret:
    secretName: {{ .Values.secrets.files }}
    defaultMode: 0400
- name: secret-files
  emptyDir: { medium: Memory, sizeLimit: 1Mi }
- name: tmp
  emptyDir: { sizeLimit: 64Mi }
{{- end -}}

{{/* Settings every process of the node shares. */}}
{{- define "enlace.nodeEnv" -}}
- { name: ENLACE_ENV, value: production }
- { name: ENLACE_COUNTRY, value: {{ .Values.country | quote }} }
- { name: ENLACE_NETWORK, value: {{ .Values.network | quote }} }
- name: DATABASE_URL
  valueFrom: { secretKeyRef: { name: {{ .Values.secrets.settings }}, key: database-url } }
- { name: ENLACE_CASE_KEK_FILE, value: /run/secrets/enlace/case-kek.json }
{{- end -}}

{{- define "enlace.probes" -}}
startupProbe:
  httpGet: { path: /health/live, port: {{ .port }} }
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: { path: /health/live, port: {{ .port }} }
  periodSeconds: 15
readinessProbe:
  httpGet: { path: /health/ready, port: {{ .port }} }
  periodSeconds: 10
  failureThreshold: 3
{{- end -}}
