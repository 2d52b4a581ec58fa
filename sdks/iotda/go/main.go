// Drives Huawei's own Go SDK (huaweicloud-sdk-go-v3, services/iotda/v5) for the harness's SDK suite.
//
// Started with one argument, a JSON object: endpoint (http or https base URL), projectId, ak, sk, derived (derived
// AK/SK signing as for standard and enterprise instances), region (with derived), caFile (https: the CA to verify
// the server with). Reads one JSON request per line on stdin and answers one JSON line on stdout each:
// {"id", "ok": true, "value"} or {"id", "ok": false, "error": {...}}. It holds no test logic: the TypeScript suite
// (sdks/iotda/sdk.test.ts) decides what to call and what the answers must be.
package main

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"os"
	"reflect"
	"sort"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/signer"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/region"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/request"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	iotda "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iotda/v5"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iotda/v5/model"
)

const derivedService = "iotdm"

type driverConfig struct {
	Endpoint  string `json:"endpoint"`
	ProjectID string `json:"projectId"`
	AK        string `json:"ak"`
	SK        string `json:"sk"`
	Derived   bool   `json:"derived"`
	Region    string `json:"region"`
	CAFile    string `json:"caFile"`
}

type call struct {
	ID        int                    `json:"id"`
	Op        string                 `json:"op"`
	DeviceID  string                 `json:"deviceId"`
	CommandID string                 `json:"commandId"`
	Body      json.RawMessage        `json:"body"`
	Query     map[string]interface{} `json:"query"`
	// sign
	Method  string            `json:"method"`
	Host    string            `json:"host"`
	Path    string            `json:"path"`
	Headers map[string]string `json:"headers"`
	SdkDate string            `json:"sdkDate"`
	RawBody string            `json:"rawBody"`
}

// httpConfig verifies TLS, against the given CA when there is one (never "ignore SSL").
func httpConfig(cfg driverConfig) (*config.HttpConfig, error) {
	c := config.DefaultHttpConfig().WithIgnoreSSLVerification(false)
	if cfg.CAFile == "" {
		return c, nil
	}
	pem, err := os.ReadFile(cfg.CAFile)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("no certificate in %s", cfg.CAFile)
	}
	return c.WithHttpTransport(&http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool}}), nil
}

// newClient sets the client up as the SDK's documentation does: basic AK/SK with an endpoint, or derived AK/SK
// (WithDerivedPredicate) with a region.
func newClient(cfg driverConfig) (*iotda.IoTDAClient, error) {
	credentials := basic.NewCredentialsBuilder().WithAk(cfg.AK).WithSk(cfg.SK).WithProjectId(cfg.ProjectID)
	builder := iotda.IoTDAClientBuilder()
	if cfg.Derived {
		credentials = credentials.WithDerivedPredicate(auth.GetDefaultDerivedPredicate())
		builder = builder.WithRegion(region.NewRegion(cfg.Region, cfg.Endpoint))
	} else {
		builder = builder.WithEndpoints([]string{cfg.Endpoint})
	}
	cred, err := credentials.SafeBuild()
	if err != nil {
		return nil, err
	}
	hc, err := httpConfig(cfg)
	if err != nil {
		return nil, err
	}
	client, err := builder.WithCredential(cred).WithHttpConfig(hc).SafeBuild()
	if err != nil {
		return nil, err
	}
	return iotda.NewIoTDAClient(client), nil
}

func strPtr(m map[string]interface{}, key string) *string {
	if v, ok := m[key].(string); ok {
		return &v
	}
	return nil
}

func int32Ptr(m map[string]interface{}, key string) *int32 {
	if v, ok := m[key].(float64); ok {
		n := int32(v)
		return &n
	}
	return nil
}

// sdkSign runs the SDK core's own signer over a request given piece by piece (no network).
func sdkSign(cfg driverConfig, c call) (interface{}, error) {
	b := request.NewHttpRequestBuilder().WithEndpoint("http://" + c.Host).WithPath(c.Path).WithMethod(c.Method)
	keys := make([]string, 0, len(c.Query))
	for k := range c.Query {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		b = b.AddQueryParam(k, reflect.ValueOf(fmt.Sprint(c.Query[k])))
	}
	for k, v := range c.Headers {
		b = b.AddHeaderParam(k, v)
	}
	b = b.AddHeaderParam("X-Sdk-Date", c.SdkDate)
	if c.RawBody != "" {
		b = b.WithBody("application/json", c.RawBody)
	}
	req := b.Build()
	var added map[string]string
	var err error
	if cfg.Derived {
		added, err = signer.GetDerivedSigner().Sign(req, cfg.AK, cfg.SK, derivedService, cfg.Region)
	} else {
		added, err = signer.Sign(req, cfg.AK, cfg.SK)
	}
	if err != nil {
		return nil, err
	}
	return map[string]interface{}{"headers": added}, nil
}

func run(client *iotda.IoTDAClient, cfg driverConfig, c call) (interface{}, error) {
	switch c.Op {
	case "sign":
		return sdkSign(cfg, c)
	case "create":
		var body map[string]interface{}
		if err := json.Unmarshal(c.Body, &body); err != nil {
			return nil, err
		}
		paras := body["paras"]
		strategy, _ := body["send_strategy"].(string)
		r, err := client.CreateAsyncCommand(&model.CreateAsyncCommandRequest{
			DeviceId: c.DeviceID,
			Body: &model.AsyncDeviceCommandRequest{
				ServiceId:    strPtr(body, "service_id"),
				CommandName:  strPtr(body, "command_name"),
				Paras:        &paras,
				ExpireTime:   int32Ptr(body, "expire_time"),
				SendStrategy: strategy,
			},
		})
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"status": r.HttpStatusCode, "body": r}, nil
	case "show":
		r, err := client.ShowAsyncDeviceCommand(&model.ShowAsyncDeviceCommandRequest{
			DeviceId:  c.DeviceID,
			CommandId: c.CommandID,
		})
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"status": r.HttpStatusCode, "body": r}, nil
	case "listQueued":
		r, err := client.ListAsyncCommands(&model.ListAsyncCommandsRequest{
			DeviceId: c.DeviceID,
			Limit:    int32Ptr(c.Query, "limit"),
			Marker:   strPtr(c.Query, "marker"),
			Status:   strPtr(c.Query, "status"),
		})
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"status": r.HttpStatusCode, "body": r}, nil
	case "listHistory":
		r, err := client.ListAsyncHistoryCommands(&model.ListAsyncHistoryCommandsRequest{
			DeviceId: c.DeviceID,
			Limit:    int32Ptr(c.Query, "limit"),
			Marker:   strPtr(c.Query, "marker"),
			Status:   strPtr(c.Query, "status"),
		})
		if err != nil {
			return nil, err
		}
		return map[string]interface{}{"status": r.HttpStatusCode, "body": r}, nil
	}
	return nil, fmt.Errorf("unknown op %q", c.Op)
}

func errorOf(err error) map[string]interface{} {
	var sr *sdkerr.ServiceResponseError
	if errors.As(err, &sr) {
		return map[string]interface{}{
			"kind":      "ServiceResponseError",
			"status":    sr.StatusCode,
			"errorCode": sr.ErrorCode,
			"errorMsg":  sr.ErrorMessage,
			"requestId": sr.RequestId,
		}
	}
	return map[string]interface{}{"kind": fmt.Sprintf("%T", err), "errorMsg": err.Error()}
}

func main() {
	var cfg driverConfig
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: iotda-sdk-driver '<config json>'")
		os.Exit(2)
	}
	if err := json.Unmarshal([]byte(os.Args[1]), &cfg); err != nil {
		fmt.Fprintln(os.Stderr, "config:", err)
		os.Exit(2)
	}
	client, err := newClient(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "client:", err)
		os.Exit(1)
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := json.NewEncoder(os.Stdout)
	for in.Scan() {
		if len(in.Bytes()) == 0 {
			continue
		}
		var c call
		if err := json.Unmarshal(in.Bytes(), &c); err != nil {
			_ = out.Encode(map[string]interface{}{"id": 0, "ok": false, "error": errorOf(err)})
			continue
		}
		value, err := run(client, cfg, c)
		if err != nil {
			_ = out.Encode(map[string]interface{}{"id": c.ID, "ok": false, "error": errorOf(err)})
		} else {
			_ = out.Encode(map[string]interface{}{"id": c.ID, "ok": true, "value": value})
		}
	}
}
