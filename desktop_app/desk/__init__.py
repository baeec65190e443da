"""Walk-in service desk (来访登记 / 便民服务台账): visits and requests through the closed loop."""
