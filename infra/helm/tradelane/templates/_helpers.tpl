{{- define "tradelane.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "tradelane.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "tradelane.labels" -}}
{{ include "tradelane.selectorLabels" . }}
app.kubernetes.io/part-of: tradelane
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "tradelane.image" -}}
{{ printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end -}}

{{- define "tradelane.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{ .Values.serviceAccount.name | default (include "tradelane.fullname" .) }}
{{- else -}}
{{ .Values.serviceAccount.name | default "default" }}
{{- end -}}
{{- end -}}

{{- define "tradelane.databaseSecret" -}}
{{ .Values.secrets.database.name | default (printf "%s-database" (include "tradelane.fullname" .)) }}
{{- end -}}
{{- define "tradelane.identitySecret" -}}
{{ .Values.secrets.identity.name | default (printf "%s-identity" (include "tradelane.fullname" .)) }}
{{- end -}}
{{- define "tradelane.transferNoticeSecret" -}}
{{ .Values.secrets.transferNotice.name | default (printf "%s-transfer-notice" (include "tradelane.fullname" .)) }}
{{- end -}}

{{/* A party's base URL inside the cluster. */}}
{{- define "tradelane.partyUrl" -}}
{{ printf "http://%s-%s:%v" (include "tradelane.fullname" .root) .party (index .root.Values.services .party).port }}
{{- end -}}

{{- define "tradelane.consolePublicUrl" -}}
{{- if .Values.console.publicUrl -}}
{{ .Values.console.publicUrl }}
{{- else if and .Values.console.ingress.enabled .Values.console.ingress.host -}}
{{ printf "%s://%s" (ternary "https" "http" (not (empty .Values.console.ingress.tls))) .Values.console.ingress.host }}
{{- else -}}
{{ printf "http://localhost:%v" .Values.console.port }}
{{- end -}}
{{- end -}}

{{/* Pod security, placement and the service account, shared by every pod of the chart. */}}
{{- define "tradelane.podSpecCommon" -}}
serviceAccountName: {{ include "tradelane.serviceAccountName" . }}
automountServiceAccountToken: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "tradelane.env" -}}
{{- range $name, $value := . }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* The probes of a service: liveness and readiness are its /health/live and /health/ready. */}}
{{- define "tradelane.probes" -}}
{{- $p := .root.Values.probes -}}
startupProbe:
  httpGet: { path: {{ .live }}, port: http }
  periodSeconds: {{ $p.startup.periodSeconds }}
  timeoutSeconds: {{ $p.startup.timeoutSeconds }}
  failureThreshold: {{ $p.startup.failureThreshold }}
livenessProbe:
  httpGet: { path: {{ .live }}, port: http }
  periodSeconds: {{ $p.liveness.periodSeconds }}
  timeoutSeconds: {{ $p.liveness.timeoutSeconds }}
  failureThreshold: {{ $p.liveness.failureThreshold }}
readinessProbe:
  httpGet: { path: {{ .ready }}, port: http }
  periodSeconds: {{ $p.readiness.periodSeconds }}
  timeoutSeconds: {{ $p.readiness.timeoutSeconds }}
  failureThreshold: {{ $p.readiness.failureThreshold }}
{{- end -}}

{{/* A disruption budget takes one of minAvailable and maxUnavailable: minAvailable, when given. */}}
{{- define "tradelane.disruptionBudget" -}}
{{- if hasKey . "minAvailable" -}}
minAvailable: {{ .minAvailable }}
{{- else -}}
maxUnavailable: {{ .maxUnavailable }}
{{- end -}}
{{- end -}}
