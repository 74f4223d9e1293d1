# WebSocket tests
